/**
 * Runs `tick` now (on the next turn, once the app has finished starting) and every `ms` after, without
 * keeping the process alive; returns what stops it. The background clocks (alerts, stories) share it.
 */
export function startClock(tick: () => void, ms: number): () => void {
  const timer = setInterval(tick, ms);
  timer.unref();
  const first = setImmediate(tick);
  return () => {
    clearInterval(timer);
    clearImmediate(first);
  };
}
