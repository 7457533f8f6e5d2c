// Where the machine's CPU went during a run: the server, this process (the load generator, with
// wrk counted once it has exited), and everything else (other people's work on a shared machine).
import fs from 'node:fs';

const HZ = 100; // USER_HZ on Linux

/** Busy core-seconds of the whole machine since boot. */
function machineBusy() {
  const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number); // idle and iowait are not busy
  return (user + nice + system + irq + softirq + steal) / HZ;
}

/** CPU seconds of a process; `children` adds those of its exited, reaped children (wrk). */
export function processCpu(pid, children = false) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime, stime, cutime, cstime are fields 14-17 of stat; after the ") " split they start at 11.
    const own = Number(fields[11]) + Number(fields[12]);
    return (own + (children ? Number(fields[13]) + Number(fields[14]) : 0)) / HZ;
  } catch {
    return NaN;
  }
}

/** `databasePids`: the PostgreSQL backends serving the server, counted apart from "other". */
export function measureCpu(serverPid, databasePids = []) {
  const t0 = performance.now();
  const m0 = machineBusy();
  const s0 = processCpu(serverPid);
  const g0 = processCpu('self', true);
  const dbCpu = () => databasePids.reduce((sum, pid) => sum + (processCpu(pid) || 0), 0);
  const d0 = dbCpu();
  return {
    /** Core-seconds per second of wall time, for each party. */
    stop() {
      const seconds = (performance.now() - t0) / 1000;
      const machine = (machineBusy() - m0) / seconds;
      const server = (processCpu(serverPid) - s0) / seconds;
      const generator = (processCpu('self', true) - g0) / seconds;
      const database = (dbCpu() - d0) / seconds;
      return {
        seconds,
        machine,
        server,
        generator,
        database,
        other: Math.max(0, machine - server - generator - database),
      };
    },
  };
}

/**
 * Waits (at most `maxWaitS`) until the rest of the machine is quiet: under `threshold` cores busy
 * besides this process for three seconds in a row. Returns the last reading, so a noisy run is reported.
 */
export async function waitForQuiet({ maxWaitS = 120, threshold = 0.2 } = {}) {
  const deadline = Date.now() + maxWaitS * 1000;
  let calm = 0;
  let other = NaN;
  while (Date.now() < deadline) {
    const m = measureCpu(process.pid);
    await new Promise((r) => setTimeout(r, 1000));
    const reading = m.stop();
    other = reading.machine - reading.generator;
    calm = other < threshold ? calm + 1 : 0;
    if (calm >= 3) return { quiet: true, otherCores: other };
  }
  return { quiet: false, otherCores: other };
}
