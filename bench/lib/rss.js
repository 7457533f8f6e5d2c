// Samples a process's resident memory (VmRSS in /proc/<pid>/status) while a benchmark runs.
import fs from 'node:fs';

function readStatus(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match === null ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}

export function sampleRss(pid, intervalMs = 100) {
  let peak = 0;
  let last = 0;
  const samples = [];
  const take = () => {
    const rss = readStatus(pid);
    if (rss === undefined) return;
    last = rss;
    peak = Math.max(peak, rss);
    samples.push(rss);
  };
  take();
  const start = samples[0] ?? 0;
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { startBytes: start, peakBytes: peak, endBytes: last, samples: samples.length };
    },
  };
}

export const mib = (bytes) => bytes / (1024 * 1024);
