import { describe, expect, it } from 'vitest';
import { extractStatementBody } from './extract-statement-body.js';

const PAGE = `<html><body><div class="menu"><a href="/">Home</a></div>
<article id="News"><h1>Заявление</h1><script>track()</script>
<p>Это <a href="../doc/1">чистой воды фейк</a>.</p><img src="img/p.jpg"><a href="javascript:alert(1)">x</a></article></body></html>`;

describe('extractStatementBody', () => {
  it('returns the inner HTML of the body element without scripts, with absolute links', () => {
    const body = extractStatementBody(PAGE, '#News', 'https://www.mid.ru/ru/foreign_policy/news/1/');
    expect(body).toContain('<p>Это <a href="https://www.mid.ru/ru/foreign_policy/news/doc/1">чистой воды фейк</a>.</p>');
    expect(body).toContain('src="https://www.mid.ru/ru/foreign_policy/news/1/img/p.jpg"');
    expect(body).not.toContain('script');
    expect(body).not.toContain('javascript:');
    expect(body).not.toContain('Home');
  });

  it('gives null when nothing matches or the element has no text', () => {
    expect(extractStatementBody(PAGE, '.absent')).toBeNull();
    expect(extractStatementBody('<div class="b"><script>x()</script></div>', '.b')).toBeNull();
  });
});
