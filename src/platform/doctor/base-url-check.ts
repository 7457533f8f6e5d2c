// BASE_URL: https, and Firma answering at it as people will reach it (through the proxy, with its certificate).
import type { Config } from '../config.js';
import { errorCode, errorMessage, type Finding } from './check.js';

export function checkBaseUrlIsHttps(config: Config): Finding {
  const url = config.baseUrl;
  if (url.startsWith('https://')) return { ok: true, message: url };
  if (url === `http://localhost:${config.port}`)
    return {
      ok: false,
      message: `not set, so Firma uses ${url} and the links in its emails point there; set BASE_URL to the https:// address people use, e.g. https://petitions.example.org`,
    };
  return {
    ok: false,
    message: `${url} is not https: signatures and sign-in cookies would cross the network unencrypted; put a reverse proxy with TLS in front of Firma (docs/deploy.md) and set BASE_URL to its https:// address`,
  };
}

/** The error's own code, or that of its cause (fetch wraps them), or of the first part of an AggregateError. */
function causeCode(err: unknown): string | undefined {
  const cause: unknown = err instanceof Error ? err.cause : undefined;
  if (cause instanceof AggregateError) return cause.errors.map(errorCode).find((c) => c !== undefined);
  return errorCode(cause) ?? errorCode(err);
}

function unreachable(err: unknown, url: string, timeoutMs: number): Finding {
  const host = new URL(url).host;
  const code = causeCode(err);
  const afterwards = 'then run firma doctor again';
  if (err instanceof Error && err.name === 'TimeoutError')
    return {
      ok: false,
      message: `nothing answered at ${url} within ${timeoutMs / 1000} seconds: check that firma serve and the reverse proxy are running, and the firewall; ${afterwards}`,
    };
  if (code === 'ECONNREFUSED')
    return {
      ok: false,
      message: `nothing answered at ${url}: start firma serve (and the reverse proxy) first, ${afterwards}`,
    };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return {
      ok: false,
      message: `the name ${new URL(url).hostname} does not resolve (DNS): add its A/AAAA record, or correct BASE_URL`,
    };
  if (code !== undefined && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET/.test(code))
    return {
      ok: false,
      message: `the TLS certificate at ${host} is not valid for it (${code}): renew it, or check the certificate files of the reverse proxy (certbot, Caddy)`,
    };
  return { ok: false, message: `${url} could not be reached (${code ?? errorMessage(err)}); ${afterwards}` };
}

function isFirmaHealth(body: string): boolean {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && 'status' in parsed && parsed.status === 'ok';
  } catch {
    return false;
  }
}

export async function checkBaseUrlAnswers(config: Config, { timeoutMs }: { timeoutMs: number }): Promise<Finding> {
  const url = `${config.baseUrl}/healthz`;
  let response: Response;
  let body: string;
  try {
    // A redirect is reported, not followed: BASE_URL must be the address people end up at.
    response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    body = await response.text();
  } catch (err) {
    return unreachable(err, url, timeoutMs);
  }
  const { status } = response;
  if (status >= 300 && status < 400)
    return {
      ok: false,
      message: `${url} redirects to ${response.headers.get('location') ?? '(nowhere)'}: set BASE_URL to the address people end up at`,
    };
  const proxy = `check that the reverse proxy forwards ${new URL(url).host} to Firma's PORT (${config.port})`;
  if (status !== 200) return { ok: false, message: `${url} answered ${status} instead of 200: ${proxy}` };
  if (!isFirmaHealth(body))
    return { ok: false, message: `${url} answered, but not as Firma does (another application?): ${proxy}` };
  return { ok: true, message: `${url} answered: Firma is running there` };
}
