import { useCallback, useMemo, useRef } from 'react';

/**
 * Feed HTML is sanitised at ingest; we still show it in an iframe whose sandbox omits `allow-scripts`,
 * so nothing in it can run even if sanitising missed something (HTML Living Standard, iframe sandbox).
 * `allow-same-origin` without scripts only lets this page measure the height; a CSP in the document
 * blocks scripts, frames, forms and remote fonts again (CSP Level 3).
 */
export function SandboxedHtml({ html, title, lang }: { html: string; title: string; lang?: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const doc = useMemo(() => buildDocument(html, lang), [html, lang]);
  const fit = useCallback(() => {
    const d = frame.current?.contentDocument;
    if (frame.current && d?.documentElement) frame.current.style.height = `${d.documentElement.scrollHeight + 4}px`;
  }, []);
  return (
    <iframe
      ref={frame}
      className="sandboxed-html"
      title={title}
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
      referrerPolicy="no-referrer"
      srcDoc={doc}
      onLoad={fit}
    />
  );
}

const CSP = "default-src 'none'; img-src https: data:; media-src https:; style-src 'unsafe-inline'; script-src 'none'; frame-src 'none'; form-action 'none'";

export function buildDocument(html: string, lang?: string): string {
  const langAttr = lang && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(lang) ? ` lang="${lang}"` : '';
  return `<!doctype html><html${langAttr}><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}"><base target="_blank"><style>body{font:16px/1.6 system-ui,sans-serif;margin:0;color:#1b1f24;overflow-wrap:anywhere}img,video{max-width:100%;height:auto}a{color:#2452b5}blockquote{margin:0 0 0 1em;padding-left:1em;border-left:3px solid #ccd}@media (prefers-color-scheme:dark){body{color:#e6e8eb;background:#16181c}a{color:#8fb0ff}}</style></head><body>${html}</body></html>`;
}
