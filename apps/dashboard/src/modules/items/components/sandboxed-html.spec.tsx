// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { buildDocument, SandboxedHtml } from './sandboxed-html.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('SandboxedHtml', () => {
  it('renders item HTML in a frame whose sandbox does not allow scripts', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () => root.render(<SandboxedHtml html="<p>Pure <b>fake</b> news</p><script>parent.x=1</script>" title="Statement" lang="zh" />));
    const frame = host.querySelector('iframe');
    expect(frame?.getAttribute('title')).toBe('Statement');
    const sandbox = frame?.getAttribute('sandbox')?.split(/\s+/) ?? [];
    expect(sandbox).not.toContain('allow-scripts');
    expect(sandbox).not.toContain('allow-forms');
    expect(frame?.getAttribute('srcdoc')).toContain('<p>Pure <b>fake</b> news</p>');
    expect((globalThis as { x?: number }).x).toBeUndefined();
    await act(async () => root.unmount());
  });

  it('puts a script-blocking CSP and the language into the frame document', () => {
    const doc = buildDocument('<p>x</p>', 'zh-CN');
    expect(doc).toContain('<html lang="zh-CN">');
    expect(doc).toMatch(/Content-Security-Policy" content="[^"]*script-src 'none'/);
    expect(buildDocument('<p>x</p>', '"><script>')).toContain('<html>');
  });
});
