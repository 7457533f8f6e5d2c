// Prints benchmark results for people: one block per benchmark.
const f0 = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '—');
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');

export function describeLoad(load) {
  const l = load.latencyMs;
  const a = load.afterFirstSecond;
  const steady =
    a === undefined ? '' : ` (after the first second: p50 ${f1(a.p50)} ms, p99 ${f1(a.p99)} ms, max ${f1(a.max)} ms)`;
  return `${load.generator}, ${load.connections} connections, ${f1(load.durationS)} s: ${f0(load.rps)} responses/s; latency p50 ${f1(l.p50)} ms, p90 ${f1(l.p90)} ms, p99 ${f1(l.p99)} ms, max ${f1(l.max)} ms${steady}; statuses ${JSON.stringify(load.statusCodes)}; errors ${load.errors}, timeouts ${load.timeouts}`;
}

export function printResult(r) {
  console.log(`\n== ${r.name}`);
  console.log(`  load:      ${describeLoad(r.load)}`);
  if (r.acceptedPerS !== undefined) {
    console.log(`  accepted:  ${f0(r.acceptedPerS)} signatures/s (${f0(r.acceptedInRun)} in the run)`);
    const c = r.count;
    const verdict = c.exact
      ? 'EXACT'
      : r.generator === 'wrk' && c.withinInFlight
        ? `within the ${c.inFlightAtStop} requests wrk abandoned in flight`
        : 'MISMATCH';
    if (r.verification)
      console.log(
        `  count:     JSON ${c.json} and ${c.dbRows} confirmed rows (expected 120: nobody opened a link), ${c.dbAllRows} rows in all, expected 120 + ${r.tally.accepted} accepted = ${c.stored}: ${verdict} (already-signed ${r.tally.already}, other statuses ${JSON.stringify(r.tally.other)})`,
      );
    else
      console.log(
        `  count:     JSON ${c.json}, database rows ${c.dbRows}, expected 120 demo + ${r.tally.accepted} accepted = ${c.expected}: ${verdict} (already-signed ${r.tally.already}, other statuses ${JSON.stringify(r.tally.other)})`,
      );
  }
  if (r.freshness !== undefined) {
    const { upperMs: u, lowerMs: lo, unresolved } = r.freshness;
    console.log(
      `  freshness: ${u.n} markers; proven counted after median ${f0(u.median)} ms, p90 ${f0(u.p90)} ms, max ${f0(u.max)} ms (lower bound: median ${f0(lo.median)} ms, max ${f0(lo.max)} ms); unresolved ${unresolved}`,
    );
  }
  if (r.eventLoopDelay !== undefined) {
    const d = r.eventLoopDelay;
    console.log(
      `  event loop: delay p50 ${f1(d.p50Ms)} ms, p99 ${f1(d.p99Ms)} ms, max ${f1(d.maxMs)} ms over the run (server's /metrics)`,
    );
  }
  if (r.memory !== undefined)
    console.log(
      `  memory:    RSS ${f0(r.memory.startMiB)} MiB before load, peak ${f0(r.memory.peakMiB)} MiB (anonymous ${f0(r.memory.peakAnonMiB ?? 0)}, file-backed ${f0(r.memory.peakFileMiB ?? 0)}, shared ${f0(r.memory.peakShmemMiB ?? 0)}), ${f0(r.memory.endMiB)} MiB after`,
    );
  if (r.cpu !== undefined) {
    const c = r.cpu;
    const db = c.database > 0 ? `, PostgreSQL backends ${c.database.toFixed(2)}` : '';
    console.log(
      `  CPU:       server ${c.server.toFixed(2)} cores (${f0(r.serverCpuUsPerResponse)} µs per response), load generator ${c.generator.toFixed(2)}${db}, other processes ${c.other.toFixed(2)}${c.other > 0.25 ? '  <- NOISY: the machine was shared' : ''}`,
    );
  }
  if (r.note) console.log(`  note:      ${r.note}`);
}
