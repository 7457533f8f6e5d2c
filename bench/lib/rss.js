// Samples a process's resident memory (VmRSS in /proc/<pid>/status) while a benchmark runs.
import fs from 'node:fs';

function readStatus(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => {
      const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
      return match === null ? undefined : Number(match[1]) * 1024;
    };
    const rss = field('VmRSS');
    return rss === undefined
      ? undefined
      : { rss, anon: field('RssAnon') ?? 0, file: field('RssFile') ?? 0, shmem: field('RssShmem') ?? 0 };
  } catch {
    return undefined;
  }
}

export function sampleRss(pid, intervalMs = 100) {
  let peak = 0;
  let last = 0;
  // What the peak was made of: anonymous memory (heaps), file-backed pages (the node binary, shared
  // libraries) and shared memory (SQLite's WAL index).
  let peakParts = { anon: 0, file: 0, shmem: 0 };
  const samples = [];
  const take = () => {
    const status = readStatus(pid);
    if (status === undefined) return;
    const { rss, ...parts } = status;
    last = rss;
    if (rss > peak) {
      peak = rss;
      peakParts = parts;
    }
    samples.push(rss);
  };
  take();
  const start = samples[0] ?? 0;
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { startBytes: start, peakBytes: peak, peakParts, endBytes: last, samples: samples.length };
    },
  };
}

export const mib = (bytes) => bytes / (1024 * 1024);
