import { splitSnippet } from '../utils/snippet.js';

/** A search snippet with its matches highlighted, rendered as text only. */
export function SnippetText({ snippet }: { snippet: string }) {
  return (
    <p className="snippet">
      {splitSnippet(snippet).map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </p>
  );
}
