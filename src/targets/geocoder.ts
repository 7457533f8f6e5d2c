// Turns a signer's street address and postal code into a WGS 84 point by asking the geocoding service the admin
// configured (US Census Geocoder or Nominatim compatible), so the signer can be matched to a district. Every failure
// is a value, never an exception, and nothing here logs: the address is personal data.
import { z } from 'zod';

export const GEOCODER_KINDS = ['census', 'nominatim'] as const;
export type GeocoderKind = (typeof GEOCODER_KINDS)[number];

export interface StreetAddress {
  street: string;
  postalCode: string;
  /** ISO 3166 alpha-2, e.g. 'US'. */
  country: string;
}

export type GeocodeResult =
  | { kind: 'found'; point: { lon: number; lat: number } }
  | { kind: 'not_found' }
  /** The service failed, timed out, answered nonsense, or too many lookups are in flight: the caller falls back. */
  | { kind: 'unavailable'; reason: 'timeout' | 'http_error' | 'bad_answer' | 'busy' | 'network' };

export interface Geocoder {
  locate(address: StreetAddress): Promise<GeocodeResult>;
}

export interface GeocoderOptions {
  url: string;
  kind: GeocoderKind;
  timeoutMs: number;
  maxInFlight: number;
  userAgent: string;
}

type Unavailable = Extract<GeocodeResult, { kind: 'unavailable' }>;
type Point = { lon: number; lat: number };

const MAX_STREET_LENGTH = 200;
// Longer than any postal code in use; a longer one is not an address worth sending.
const MAX_POSTAL_CODE_LENGTH = 20;
const MAX_BODY_BYTES = 1024 * 1024;

const unavailable = (reason: Unavailable['reason']): Unavailable => ({ kind: 'unavailable', reason });

// Checked once when the site starts, so a bad setting fails there and not on every signature.
const optionsSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  kind: z.enum(GEOCODER_KINDS),
  timeoutMs: z.number().int().positive(),
  maxInFlight: z.number().int().positive(),
  userAgent: z.string().regex(/^[\x20-\x7e]+$/, 'printable ASCII'),
});

const censusAnswer = z.object({
  result: z.object({
    addressMatches: z.array(z.object({ coordinates: z.object({ x: z.number(), y: z.number() }) })),
  }),
});

// Nominatim writes coordinates as decimal strings; a compatible service may write numbers.
const coordinate = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);
const nominatimAnswer = z.array(z.object({ lat: coordinate, lon: coordinate }));

interface Dialect {
  /** The request URL for an address (the configured URL's own parameters are kept). */
  requestUrl(base: URL, address: StreetAddress): URL;
  /** The first match, null when there is none, undefined when the answer is not of the expected shape. */
  firstMatch(json: unknown): Point | null | undefined;
}

const DIALECTS: Record<GeocoderKind, Dialect> = {
  census: {
    requestUrl(base, { street, postalCode }) {
      const url = new URL(base);
      url.searchParams.set('address', `${street}, ${postalCode}`);
      if (!url.searchParams.has('benchmark')) url.searchParams.set('benchmark', 'Public_AR_Current');
      url.searchParams.set('format', 'json');
      return url;
    },
    firstMatch(json) {
      const parsed = censusAnswer.safeParse(json);
      if (!parsed.success) return undefined;
      const match = parsed.data.result.addressMatches[0];
      return match ? { lon: match.coordinates.x, lat: match.coordinates.y } : null;
    },
  },
  nominatim: {
    requestUrl(base, { street, postalCode, country }) {
      const url = new URL(base);
      url.searchParams.set('street', street);
      url.searchParams.set('postalcode', postalCode);
      url.searchParams.set('countrycodes', country.toLowerCase());
      url.searchParams.set('format', 'jsonv2');
      url.searchParams.set('limit', '1');
      return url;
    },
    firstMatch(json) {
      const parsed = nominatimAnswer.safeParse(json);
      if (!parsed.success) return undefined;
      const place = parsed.data[0];
      return place ? { lon: place.lon, lat: place.lat } : null;
    },
  },
};

/** The address as it will be sent, or undefined when it is not worth sending. */
function cleanAddress({ street, postalCode, country }: StreetAddress): StreetAddress | undefined {
  const address = { street: street.trim(), postalCode: postalCode.trim(), country: country.trim() };
  if (address.street === '' || [...address.street].length > MAX_STREET_LENGTH) return undefined;
  if (address.postalCode.length > MAX_POSTAL_CODE_LENGTH || !/^[A-Za-z]{2}$/.test(address.country)) return undefined;
  return address;
}

const isOnEarth = ({ lon, lat }: Point): boolean =>
  Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;

function discard(body: ReadableStream<Uint8Array> | null): void {
  // Cancelling frees the connection; a body that already failed has nothing left to free.
  if (body) void body.cancel().catch(() => undefined);
}

/** The whole body, or undefined once it grows past the limit (the rest is not read). */
async function readAtMost(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | undefined> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
}

function parseJson(bytes: Uint8Array): { json: unknown } | undefined {
  try {
    return { json: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return undefined;
  }
}

/** One GET whose every step, reading the body included, ends within timeoutMs. */
async function getJson(url: URL, options: GeocoderOptions): Promise<{ json: unknown } | Unavailable> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let bytes: Uint8Array | undefined;
  try {
    // A redirect is not followed: it would send the address to a host the admin did not name.
    const response = await fetch(url, {
      signal,
      redirect: 'manual',
      headers: { 'User-Agent': options.userAgent, Accept: 'application/json' },
    });
    if (!response.ok) {
      discard(response.body);
      return unavailable('http_error');
    }
    if (Number(response.headers.get('content-length')) > MAX_BODY_BYTES) {
      discard(response.body);
      return unavailable('bad_answer');
    }
    bytes = await readAtMost(response.body, MAX_BODY_BYTES);
  } catch {
    return unavailable(signal.aborted ? 'timeout' : 'network');
  }
  return (bytes && parseJson(bytes)) ?? unavailable('bad_answer');
}

/** A geocoder for the configured service; throws only here, when the options are invalid. */
export function createGeocoder(options: GeocoderOptions): Geocoder {
  optionsSchema.parse(options);
  const base = new URL(options.url);
  const dialect = DIALECTS[options.kind];
  let inFlight = 0;

  async function ask(address: StreetAddress): Promise<GeocodeResult> {
    const answer = await getJson(dialect.requestUrl(base, address), options);
    if (!('json' in answer)) return answer;
    const point = dialect.firstMatch(answer.json);
    if (point === null) return { kind: 'not_found' };
    if (point === undefined || !isOnEarth(point)) return unavailable('bad_answer');
    return { kind: 'found', point: { lon: point.lon, lat: point.lat } };
  }

  return {
    async locate(address) {
      const cleaned = cleanAddress(address);
      if (!cleaned) return { kind: 'not_found' };
      // Refused rather than queued: a spike of signers must not pile up outgoing requests.
      if (inFlight >= options.maxInFlight) return unavailable('busy');
      inFlight += 1;
      try {
        return await ask(cleaned);
      } catch {
        // Nothing above is expected to throw; a lookup still never takes a signature down with it.
        return unavailable('bad_answer');
      } finally {
        inFlight -= 1;
      }
    },
  };
}
