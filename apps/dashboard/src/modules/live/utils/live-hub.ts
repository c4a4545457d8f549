import { openEventStream, type StreamStatus } from './event-stream.js';
import type { SseEvent } from './sse-parser.js';

export interface LiveListener {
  event: (e: SseEvent) => void;
  status: (s: StreamStatus) => void;
}

/** One stream connection shared by every subscriber; it closes when the last one leaves. */
const listeners = new Set<LiveListener>();
let status: StreamStatus = 'closed';
let stop: (() => void) | null = null;

export const liveStatus = (): StreamStatus => status;

export function subscribeLive(l: LiveListener): () => void {
  listeners.add(l);
  if (!stop) {
    stop = openEventStream(
      (e) => {
        for (const x of listeners) x.event(e);
      },
      (s) => {
        status = s;
        for (const x of listeners) x.status(s);
      },
    );
  }
  return () => {
    listeners.delete(l);
    if (listeners.size === 0 && stop) {
      const s = stop;
      stop = null;
      s();
    }
  };
}
