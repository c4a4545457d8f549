// CPU time of each thread of this process, from Linux's /proc/self/task/<tid>/stat (utime and stime,
// in clock ticks of 10 ms): where a run's CPU went, the main thread apart from the preparation
// threads and V8's helpers (optimising compilation, parallel and concurrent GC). Elsewhere: null.
import fs from 'node:fs';

const TICK_SECONDS = 0.01;

/** Seconds of CPU per thread id, now; null where /proc is not there. */
export function threadCpu() {
  let tids;
  try {
    tids = fs.readdirSync('/proc/self/task');
  } catch {
    return null;
  }
  const out = new Map();
  for (const tid of tids) {
    try {
      // The command name is in parentheses and may hold spaces: fields count from after it.
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * TICK_SECONDS);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return out;
}

/** The CPU seconds threads used between two snapshots: the main thread, then the others, largest first. */
export function threadCpuSince(before) {
  const after = threadCpu();
  if (!before || !after) return null;
  const used = [...after].map(([tid, s]) => ({ tid, seconds: s - (before.get(tid) ?? 0) }));
  const round2 = (x) => Math.round(x * 100) / 100;
  const main = used.find((u) => u.tid === process.pid)?.seconds ?? 0;
  const others = used.filter((u) => u.tid !== process.pid && u.seconds > 0).map((u) => round2(u.seconds)).sort((a, b) => b - a);
  return { main: round2(main), others };
}
