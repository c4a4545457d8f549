import { describe, expect, it } from 'vitest';
import { decodeEntities, splitSnippet } from './snippet.js';

describe('splitSnippet', () => {
  it('splits on the server marks and keeps the rest as text', () => {
    expect(splitSnippet('China <mark>denies</mark> the <mark>report</mark>.')).toEqual([
      { text: 'China ', mark: false },
      { text: 'denies', mark: true },
      { text: ' the ', mark: false },
      { text: 'report', mark: true },
      { text: '.', mark: false },
    ]);
  });

  it('decodes escaped markup to text, so a feed cannot inject tags', () => {
    const parts = splitSnippet('&lt;img src=x onerror=alert(1)&gt; <mark>中俄</mark> &quot;fake&quot; &#39;news&#39; &#x41F;');
    expect(parts.map((p) => p.text).join('')).toBe('<img src=x onerror=alert(1)> 中俄 "fake" \'news\' П');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['中俄']);
  });

  it('handles adjacent and unclosed marks', () => {
    expect(splitSnippet('<mark>Рос</mark><mark>сия</mark>')).toEqual([{ text: 'Россия', mark: true }]);
    expect(splitSnippet('a <mark>b')).toEqual([
      { text: 'a ', mark: false },
      { text: 'b', mark: true },
    ]);
  });
});

describe('decodeEntities', () => {
  it('leaves unknown and out-of-range references as they are', () => {
    expect(decodeEntities('&bogus; &#0; &#x110000; &amp;amp;')).toBe('&bogus; &#0; &#x110000; &amp;');
  });
});
