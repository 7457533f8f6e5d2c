// Optional second generator: wrk (C, far lighter than autocannon), when it is installed.
import { execFile, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function haveWrk() {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (err) {
    // wrk --version exits 1 after printing its usage; only a missing binary is ENOENT.
    return err.code !== 'ENOENT';
  }
}

const toMs = (value, unit) => Number(value) * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 }[unit] ?? NaN);

function parse(out, durationS, connections) {
  const pct = (p) => {
    const m = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m)`, 'm').exec(out);
    return m === null ? NaN : toMs(m[1], m[2]);
  };
  const max = /^\s+Latency\s+\S+\s+\S+\s+([\d.]+)(us|ms|s|m)/m.exec(out);
  const total = /(\d+) requests in ([\d.]+)(ms|s|m)/.exec(out);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const tally = /TALLY accepted=(\d+) already=(\d+) other=(\d+) built=(\d+)/.exec(out);
  const responses = total === null ? NaN : Number(total[1]);
  const elapsedS = total === null ? durationS : toMs(total[2], total[3]) / 1000;
  return {
    generator: 'wrk',
    connections,
    durationS: elapsedS,
    responses,
    rps: responses / elapsedS,
    latencyMs: { p50: pct(50), p90: pct(90), p99: pct(99), max: max === null ? NaN : toMs(max[1], max[2]), mean: NaN },
    statusCodes:
      tally === null
        ? { non2xx3xx: non2xx === null ? 0 : Number(non2xx[1]) }
        : { 303: Number(tally[1]) + Number(tally[2]), other: Number(tally[3]) },
    errors: sock === null ? 0 : Number(sock[1]) + Number(sock[2]) + Number(sock[3]),
    timeouts: sock === null ? 0 : Number(sock[4]),
    tally:
      tally === null
        ? undefined
        : { accepted: Number(tally[1]), already: Number(tally[2]), other: Number(tally[3]), built: Number(tally[4]) },
    raw: out,
  };
}

/** Runs wrk for `durationS` with one thread (the server needs the other core), `script` and `headers` optional. */
export function runWrk({
  url,
  path = '/',
  connections,
  durationS,
  threads = 1,
  script,
  scriptArgs = [],
  headers = {},
}) {
  const args = [`-t${threads}`, `-c${connections}`, `-d${durationS}s`, '--latency', '--timeout', '10s'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  if (script !== undefined) args.push('-s', fileURLToPath(new URL(`../wrk/${script}`, import.meta.url)));
  args.push(`${url}${path}`);
  if (scriptArgs.length > 0) args.push('--', ...scriptArgs);
  return new Promise((resolve, reject) => {
    execFile('wrk', args, { timeout: (durationS + 30) * 1000 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`wrk failed: ${err.message}\n${stderr}`));
      resolve(parse(stdout, durationS, connections));
    });
  });
}
