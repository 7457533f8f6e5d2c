// Delivery per legislator: `firma export pdf --petition ct-trust-act --per-target --out DIR` over the demo petition
// seeded with N signatures (`firma demo --signatures N`: each signer's ZIP matched to the sample General Assembly's
// 36 Senate and 151 House districts, as signing does), timed as a child process with its peak RSS sampled.
// The baseline beside it: the same machine's bare `node -e ''` start (process start and exit cost).
// Usage: npm run build && node bench/per-target.js [--signatures 100000] [--json]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { mib, sampleRss } from './lib/rss.js';
import { processCpu } from './lib/cpu.js';
import { startScriptNodeFlags } from './lib/server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: { signatures: { type: 'string', default: '100000' }, json: { type: 'boolean', default: false } },
});
const SIGNATURES = Number(values.signatures);
const TARGET_S = 60;
const TARGET_RSS_MIB = 500;

function timed(args, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    const rss = sampleRss(child.pid, 50);
    let cpu = 0;
    const cpuTimer = setInterval(() => {
      cpu = processCpu(child.pid) || cpu;
    }, 200);
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code) => {
      clearInterval(cpuTimer);
      const seconds = (performance.now() - started) / 1000;
      const memory = rss.stop();
      if (code !== 0) reject(new Error(`exit ${code}: ${stderr.slice(-500)}`));
      else resolve({ seconds, cpuSeconds: cpu, peakMiB: mib(memory.peakBytes), stderr });
    });
  });
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firma-bench-per-target-'));
const outDir = path.join(dataDir, 'packets');
try {
  const env = { ...process.env, FIRMA_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  const seedStarted = performance.now();
  const seeded = spawnSync(process.execPath, ['dist/main.js', 'demo', '--signatures', String(SIGNATURES)], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
  if (seeded.status !== 0) throw new Error(`firma demo failed with ${seeded.status}`);
  const seedS = (performance.now() - seedStarted) / 1000;
  const baseline = await timed(['-e', ''], env);
  const run = await timed(
    [
      ...startScriptNodeFlags(),
      'dist/main.js',
      'export',
      'pdf',
      '--petition',
      'ct-trust-act',
      '--per-target',
      '--out',
      outDir,
    ],
    env,
  );
  const files = fs.readdirSync(outDir);
  const bytes = files.reduce((sum, f) => sum + fs.statSync(path.join(outDir, f)).size, 0);
  const result = {
    name: 'per-target packets',
    signatures: SIGNATURES,
    seedSeconds: Number(seedS.toFixed(1)),
    packets: files.length - 1,
    megabytes: Number((bytes / 1024 / 1024).toFixed(1)),
    seconds: Number(run.seconds.toFixed(2)),
    cpuSeconds: Number(run.cpuSeconds.toFixed(2)),
    peakRssMiB: run.peakMiB,
    baseline: { seconds: Number(baseline.seconds.toFixed(3)), peakRssMiB: baseline.peakMiB },
    ratioToBareNodeStart: Number((run.seconds / baseline.seconds).toFixed(0)),
    target: { seconds: TARGET_S, rssMiB: TARGET_RSS_MIB },
    met: run.seconds < TARGET_S && run.peakMiB < TARGET_RSS_MIB,
  };
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else
    console.log(
      `${result.name}: ${SIGNATURES} signatures → ${result.packets} packets + summary (${result.megabytes} MB) in ` +
        `${result.seconds} s (CPU ${result.cpuSeconds} s), peak RSS ${result.peakRssMiB} MiB; bare node start ` +
        `${result.baseline.seconds} s / ${result.baseline.peakRssMiB} MiB; target < ${TARGET_S} s, < ${TARGET_RSS_MIB} MiB: ` +
        `${result.met ? 'met' : 'MISSED'}`,
    );
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
