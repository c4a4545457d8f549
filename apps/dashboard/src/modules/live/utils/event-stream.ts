import { apiUrl, authHeaders } from '../../api/api-client.js';
import { SseParser, type SseEvent } from './sse-parser.js';

export type StreamStatus = 'connecting' | 'open' | 'closed';

/**
 * Follows `GET /api/stream`, reconnecting after a drop with the server's `retry` delay (or 5 s) and
 * `Last-Event-ID`, as EventSource would. Returns a function that stops it.
 */
export function openEventStream(onEvent: (e: SseEvent) => void, onStatus: (s: StreamStatus) => void): () => void {
  const abort = new AbortController();
  let lastId: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = async () => {
    const parser = new SseParser();
    onStatus('connecting');
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream', ...authHeaders() };
      if (lastId !== null) headers['Last-Event-ID'] = lastId;
      const res = await fetch(apiUrl('/api/stream'), { headers, signal: abort.signal, cache: 'no-store' });
      // 401 and 404 will not heal by retrying soon: stop until the page is reloaded.
      if (res.status === 401 || res.status === 404) {
        onStatus('closed');
        return;
      }
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      onStatus('open');
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const ev of parser.push(value)) {
          lastId = ev.id;
          onEvent(ev);
        }
      }
    } catch {
      if (abort.signal.aborted) return;
    }
    if (abort.signal.aborted) return;
    onStatus('connecting');
    timer = setTimeout(() => void connect(), parser.retryMs ?? 5000);
  };
  void connect();
  return () => {
    abort.abort();
    if (timer) clearTimeout(timer);
    onStatus('closed');
  };
}
