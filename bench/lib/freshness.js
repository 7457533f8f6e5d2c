// Count freshness under signing load: how long after a signer's 303 the public JSON count includes them.
//
// The count only grows (nothing withdraws during a benchmark), and every signature is committed
// before its 303 is sent. A probe signs one marker and notes, at the moment its 303 arrives:
//   built  - signing requests built so far by this process (load + markers): no more than this
//            many can have been committed, so without the marker the count is at most
//            120 + built - 1 - (requests already answered with a non-303, which committed nothing);
//   acked  - 303s received so far: all of them are committed, so the count is at least 120 + acked.
// The probe then polls /p/ct-trust-act.json. The first reading >= 120 + built - failed PROVES the
// marker is counted (there are not enough other signatures to reach it): that delay is an upper
// bound on the freshness lag. The first reading >= 120 + acked is a lower bound (before it, the
// marker may or may not be in). The true lag lies between the two; the target is judged on the
// upper bound.
import { DEMO_SIGNATURES } from './server.js';
import { SIGN_PATH, signBody, signHeaders, recordSignResponse } from './signers.js';

const POLL_MS = 25;
const GIVE_UP_MS = 10_000;

function otherCount(tally) {
  let n = tally.already;
  for (const v of tally.other.values()) n += v;
  return n;
}

export function startFreshnessProbe({ baseUrl, tally, tag, pauseMs = 300 }) {
  let running = true;
  const upper = [];
  const lower = [];
  let unresolved = 0;
  const readCount = async () => {
    const res = await fetch(`${baseUrl}/p/ct-trust-act.json`);
    return (await res.json()).signature_count;
  };
  const loop = (async () => {
    while (running) {
      tally.next += 1;
      tally.built += 1;
      const n = tally.next;
      const res = await fetch(`${baseUrl}${SIGN_PATH}`, {
        method: 'POST',
        headers: signHeaders(baseUrl, n),
        body: signBody(n, `${tag}-marker`),
        redirect: 'manual',
      });
      await res.arrayBuffer();
      recordSignResponse(tally, res.status, res.headers.get('location'));
      const acked = performance.now();
      if (res.status !== 303) continue;
      const proofThreshold = DEMO_SIGNATURES + tally.built - otherCount(tally);
      const ackThreshold = DEMO_SIGNATURES + tally.accepted;
      let lowerMs;
      for (;;) {
        const count = await readCount();
        const elapsed = performance.now() - acked;
        if (lowerMs === undefined && count >= ackThreshold) lowerMs = elapsed;
        if (count >= proofThreshold) {
          upper.push(elapsed);
          lower.push(lowerMs ?? elapsed);
          break;
        }
        if (elapsed > GIVE_UP_MS) {
          unresolved += 1;
          break;
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const stats = (xs) => {
        const s = [...xs].sort((a, b) => a - b);
        const at = (q) => (s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor(q * s.length))]);
        return { n: s.length, median: at(0.5), p90: at(0.9), max: s.length === 0 ? NaN : s[s.length - 1] };
      };
      return { upperMs: stats(upper), lowerMs: stats(lower), unresolved };
    },
  };
}
