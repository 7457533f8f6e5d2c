// The geocoder against real HTTP servers on the loopback interface, each playing a service that answers well or
// badly.
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGeocoder, type GeocoderKind, type GeocoderOptions, type StreetAddress } from './geocoder.js';

interface Received {
  url: URL;
  headers: IncomingHttpHeaders;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // listen() on a TCP port always gives an AddressInfo, never a pipe name.
  return (server.address() as AddressInfo).port;
}

/** A service at http://127.0.0.1:<port>/search that records each request and lets `handler` answer it. */
async function startService(handler: Handler): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    received.push({ url: new URL(req.url ?? '/', 'http://127.0.0.1'), headers: req.headers });
    handler(req, res);
  });
  servers.push(server);
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}/search`, received };
}

const json =
  (body: unknown, status = 200): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

function geocoder(url: string, kind: GeocoderKind, overrides: Partial<GeocoderOptions> = {}) {
  return createGeocoder({ url, kind, timeoutMs: 2000, maxInFlight: 4, userAgent: 'Firma test', ...overrides });
}

const home: StreetAddress = { street: '210 Capitol Ave', postalCode: '06106', country: 'US' };
const censusMatch = (x: number, y: number) => ({
  result: { addressMatches: [{ matchedAddress: '210 CAPITOL AVE, HARTFORD, CT, 06106', coordinates: { x, y } }] },
});

describe('a census geocoder', () => {
  it('finds an address and sends it as one line with a benchmark, asking for JSON', async () => {
    const service = await startService(json(censusMatch(-72.68, 41.76)));
    const result = await geocoder(service.url, 'census').locate(home);
    expect(result).toEqual({ kind: 'found', point: { lon: -72.68, lat: 41.76 } });
    const [request] = service.received;
    expect(request?.url.searchParams.get('address')).toBe('210 Capitol Ave, 06106');
    expect(request?.url.searchParams.get('benchmark')).toBe('Public_AR_Current');
    expect(request?.url.searchParams.get('format')).toBe('json');
    expect(request?.headers['user-agent']).toBe('Firma test');
    expect(request?.headers['accept']).toBe('application/json');
  });

  it('keeps the benchmark the admin put in the URL', async () => {
    const service = await startService(json(censusMatch(-72.68, 41.76)));
    await geocoder(`${service.url}?benchmark=Public_AR_Census2020`, 'census').locate(home);
    expect(service.received[0]?.url.searchParams.getAll('benchmark')).toEqual(['Public_AR_Census2020']);
  });

  it('says not found when nothing matches', async () => {
    const service = await startService(json({ result: { input: {}, addressMatches: [] } }));
    expect(await geocoder(service.url, 'census').locate(home)).toEqual({ kind: 'not_found' });
  });
});

describe('a nominatim geocoder', () => {
  it('finds an address from string coordinates, with a structured query for one result', async () => {
    const service = await startService(json([{ place_id: 1, lat: '41.7637111', lon: '-72.6850932' }]));
    const result = await geocoder(service.url, 'nominatim').locate(home);
    expect(result).toEqual({ kind: 'found', point: { lon: -72.6850932, lat: 41.7637111 } });
    const query = service.received[0]?.url.searchParams;
    expect(query?.get('street')).toBe('210 Capitol Ave');
    expect(query?.get('postalcode')).toBe('06106');
    expect(query?.get('countrycodes')).toBe('us');
    expect(query?.get('format')).toBe('jsonv2');
    expect(query?.get('limit')).toBe('1');
  });

  it('says not found for an empty list', async () => {
    const service = await startService(json([]));
    expect(await geocoder(service.url, 'nominatim').locate(home)).toEqual({ kind: 'not_found' });
  });
});

describe('an address that is not worth sending', () => {
  it.each([
    ['an empty street', { ...home, street: '  ' }],
    ['a street over 200 characters', { ...home, street: 'a'.repeat(201) }],
  ])('is not found without asking the service: %s', async (_name, address) => {
    const service = await startService(json(censusMatch(-72.68, 41.76)));
    expect(await geocoder(service.url, 'census').locate(address)).toEqual({ kind: 'not_found' });
    expect(service.received).toHaveLength(0);
  });
});

describe('a service that answers badly', () => {
  it('is unavailable after an HTTP 500', async () => {
    const service = await startService(json({ error: 'down' }, 500));
    const result = await geocoder(service.url, 'census').locate(home);
    expect(result).toEqual({ kind: 'unavailable', reason: 'http_error' });
  });

  it('is unavailable after a redirect, which is not followed', async () => {
    const service = await startService((_req, res) => {
      res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' });
      res.end();
    });
    const result = await geocoder(service.url, 'census').locate(home);
    expect(result).toEqual({ kind: 'unavailable', reason: 'http_error' });
    expect(service.received).toHaveLength(1);
  });

  it('gives a bad answer for invalid JSON', async () => {
    const service = await startService((_req, res) => res.end('{"result": '));
    const result = await geocoder(service.url, 'census').locate(home);
    expect(result).toEqual({ kind: 'unavailable', reason: 'bad_answer' });
  });

  it('gives a bad answer for JSON of another shape', async () => {
    const service = await startService(json([{ lat: 'north', lon: '-72.68' }]));
    const result = await geocoder(service.url, 'nominatim').locate(home);
    expect(result).toEqual({ kind: 'unavailable', reason: 'bad_answer' });
  });

  it.each([
    ['census', censusMatch(-272.68, 41.76)],
    ['nominatim', [{ lat: '141.76', lon: '-72.68' }]],
  ] as const)('gives a bad answer for a point off the earth (%s)', async (kind, body) => {
    const service = await startService(json(body));
    const result = await geocoder(service.url, kind).locate(home);
    expect(result).toEqual({ kind: 'unavailable', reason: 'bad_answer' });
  });

  it('times out when the service never answers', async () => {
    const service = await startService(() => undefined);
    const started = performance.now();
    const result = await geocoder(service.url, 'census', { timeoutMs: 200 }).locate(home);
    expect(result).toEqual({ kind: 'unavailable', reason: 'timeout' });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('gives up on a body that dribbles in without end', async () => {
    const service = await startService((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      const drip = setInterval(() => res.write(' '), 20);
      res.on('close', () => clearInterval(drip));
    });
    const started = performance.now();
    const result = await geocoder(service.url, 'nominatim', { timeoutMs: 200 }).locate(home);
    expect(result).toMatchObject({ kind: 'unavailable', reason: expect.stringMatching(/^(timeout|bad_answer)$/) });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it.each([
    ['streamed', false],
    ['announced by its length', true],
  ])('gives a bad answer for a body over 1 MB (%s)', async (_name, announced) => {
    const body = `[${'{"lat":"41.76","lon":"-72.68"},'.repeat(40_000)}{"lat":"41.76","lon":"-72.68"}]`;
    const service = await startService((_req, res) => {
      res.writeHead(200, announced ? { 'content-length': Buffer.byteLength(body) } : {});
      res.end(body);
    });
    const result = await geocoder(service.url, 'nominatim').locate(home);
    expect(result).toEqual({ kind: 'unavailable', reason: 'bad_answer' });
  });

  it('is unavailable when nothing listens on the port', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await geocoder(`http://127.0.0.1:${port}/search`, 'census').locate(home);
    expect(result).toEqual({ kind: 'unavailable', reason: 'network' });
  });
});

describe('lookups in flight', () => {
  it('refuses a lookup beyond the limit at once, and takes one again when a slot frees', async () => {
    let requests = 0;
    let releaseFirst: (() => void) | undefined;
    const { promise: firstArrived, resolve: markFirstArrived } = Promise.withResolvers<void>();
    const service = await startService((req, res) => {
      requests += 1;
      const answer = () => json([{ lat: '41.76', lon: '-72.68' }])(req, res);
      if (requests > 1) return answer();
      releaseFirst = answer;
      markFirstArrived();
    });
    const locator = geocoder(service.url, 'nominatim', { maxInFlight: 1 });

    const first = locator.locate(home);
    await firstArrived;
    expect(await locator.locate(home)).toEqual({ kind: 'unavailable', reason: 'busy' });
    releaseFirst?.();
    const found = { kind: 'found', point: { lon: -72.68, lat: 41.76 } };
    expect(await first).toEqual(found);
    expect(await locator.locate(home)).toEqual(found);
    expect(service.received).toHaveLength(2);
  });
});

describe('the options', () => {
  it.each([
    ['a URL that is not http(s)', { url: 'ftp://example.org/search' }],
    ['no in-flight slot', { maxInFlight: 0 }],
    ['a user agent with a line break', { userAgent: 'Firma\r\nX-Evil: 1' }],
  ])('are refused when the site starts: %s', (_name, overrides) => {
    expect(() => geocoder('https://geocoding.example/search', 'census', overrides)).toThrow();
  });
});
