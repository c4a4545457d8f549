import { useEffect, useState } from 'react';
import type { SseEvent } from '../utils/sse-parser.js';
import { subscribeLive, liveStatus, type LiveListener } from '../utils/live-hub.js';
import type { StreamStatus } from '../utils/event-stream.js';

/** Subscribes a component to the shared live stream; the connection is opened once for the app. */
export function useLiveEvents(listener: (e: SseEvent) => void): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>(liveStatus());
  useEffect(() => {
    const l: LiveListener = { event: listener, status: setStatus };
    return subscribeLive(l);
  }, [listener]);
  return status;
}
