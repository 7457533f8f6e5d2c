// Drives load with autocannon (installed by `npm ci`) and stops it cleanly: when the time is up,
// each connection finishes the request it has in flight and closes, so every request sent gets
// its answer and the tally stays exact.
import autocannon from 'autocannon';
import { recordSignResponse, SIGN_PATH, signBody, signHeaders } from './signers.js';

function summarize(result, extra) {
  const l = result.latency;
  return {
    generator: 'autocannon',
    connections: result.connections,
    durationS: extra.elapsedS,
    responses: extra.responses,
    rps: extra.responses / extra.elapsedS,
    latencyMs: { p50: l.p50, p90: l.p90, p99: l.p99, max: l.max, mean: l.average },
    afterFirstSecond: extra.afterFirstSecond,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * Runs autocannon for `durationS` seconds against `url` with `requests`, then drains.
 * Returns a summary: rps is responses / seconds from start to the last response.
 */
export function runAutocannon({ url, connections, durationS, requests, method, headers, body, workers }) {
  return new Promise((resolve, reject) => {
    const clients = [];
    let responses = 0;
    let lastResponse = 0;
    const started = performance.now();
    const instance = autocannon(
      {
        url,
        connections,
        // A safety bound; the timer below normally ends the run well before it.
        duration: durationS + 30,
        timeout: 10,
        requests,
        method,
        headers,
        body,
        workers,
        setupClient: (client) => clients.push(client),
      },
      (err, result) => {
        clearTimeout(drain);
        if (err) return reject(err);
        const elapsedS = ((lastResponse || performance.now()) - started) / 1000;
        late.sort((a, b) => a - b);
        const at = (q) => late[Math.min(late.length - 1, Math.floor(q * late.length))];
        const afterFirstSecond =
          late.length === 0 ? undefined : { n: late.length, p50: at(0.5), p99: at(0.99), max: late.at(-1) };
        resolve(summarize(result, { elapsedS, responses, afterFirstSecond }));
      },
    );
    // Latencies of the answers after the run's first second: the first answers include opening every connection
    // at once, which costs its own (docs/performance.md); these are the steady state under the same load.
    const late = [];
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      responses += 1;
      lastResponse = performance.now();
      if (lastResponse - started > 1000) late.push(responseTime);
    });
    const drain = setTimeout(() => {
      // Each client closes itself before sending its next request (autocannon's per-connection cap).
      for (const client of clients) client.responseMax = Math.max(1, client.reqsMade);
    }, durationS * 1000);
  });
}

/** The signing load: one POST per distinct signer, tallied into `tally`. */
export function signRequests(baseUrl, tally, tag) {
  return [
    {
      method: 'POST',
      path: SIGN_PATH,
      setupRequest(req) {
        tally.next += 1;
        tally.built += 1;
        const n = tally.next;
        return { ...req, method: 'POST', path: SIGN_PATH, headers: signHeaders(baseUrl, n), body: signBody(n, tag) };
      },
      onResponse(status, _body, _context, headers) {
        recordSignResponse(tally, status, headers.location ?? headers.Location);
      },
    },
  ];
}
