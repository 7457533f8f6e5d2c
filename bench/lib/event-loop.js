// The server's event-loop delay over a measured run, read from its own GET /metrics (prom-client resets the
// monitorEventLoopDelay histogram at each scrape: one scrape before the run, one after).
function read(text, name) {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? NaN : Number(line.slice(name.length + 1)) * 1000;
}

export async function startEventLoopWatch(baseUrl) {
  await (await fetch(`${baseUrl}/metrics`)).text();
  return {
    async stop() {
      const text = await (await fetch(`${baseUrl}/metrics`)).text();
      return {
        p50Ms: read(text, 'firma_nodejs_eventloop_lag_p50_seconds'),
        p99Ms: read(text, 'firma_nodejs_eventloop_lag_p99_seconds'),
        maxMs: read(text, 'firma_nodejs_eventloop_lag_max_seconds'),
      };
    },
  };
}
