// Reads what an HTML page makes the browser fetch or send somewhere: every URL in src, href, action,
// srcset and the like, and in url(...) of styles; and tells same-origin ones from the rest.

export interface Reference {
  tag: string;
  attribute: string;
  url: string;
}

/** Attributes whose URL a browser loads, submits to or navigates to. */
const URL_ATTRIBUTES = new Set([
  'src',
  'href',
  'action',
  'formaction',
  'srcset',
  'imagesrcset',
  'poster',
  'data',
  'xlink:href',
  'background',
  'manifest',
  'ping',
  'codebase',
  'archive',
]);

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function cssUrls(css: string): string[] {
  const urls = [...css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)].map((m) => m[2] ?? '');
  const imports = [...css.matchAll(/@import\s+(['"])([^'"]+)\1/gi)].map((m) => m[2] ?? '');
  return [...urls, ...imports];
}

export function referencesIn(html: string): Reference[] {
  const found: Reference[] = [];
  for (const tagMatch of html.matchAll(/<([a-zA-Z][\w:-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const tag = (tagMatch[1] ?? '').toLowerCase();
    const attributes = [...(tagMatch[2] ?? '').matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)].map(
      (m) => ({ name: (m[1] ?? '').toLowerCase(), value: decodeEntities(m[2] ?? m[3] ?? m[4] ?? '') }),
    );
    for (const { name, value } of attributes) {
      if (URL_ATTRIBUTES.has(name)) {
        const urls = name.endsWith('srcset')
          ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '')
          : [value];
        for (const url of urls) found.push({ tag, attribute: name, url });
      }
      if (name === 'style') for (const url of cssUrls(value)) found.push({ tag, attribute: 'style', url });
    }
    const httpEquiv = attributes.find((a) => a.name === 'http-equiv')?.value.toLowerCase();
    const content = attributes.find((a) => a.name === 'content')?.value ?? '';
    if (tag === 'meta' && httpEquiv === 'refresh' && /url=/i.test(content))
      found.push({ tag, attribute: 'http-equiv', url: content.replace(/^.*?url=/i, '') });
  }
  for (const style of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi))
    for (const url of cssUrls(style[1] ?? '')) found.push({ tag: 'style', attribute: 'url()', url });
  return found;
}

/** True when loading (or submitting to) `url` from a page at `origin` would reach another origin. */
export function isOtherOrigin(url: string, origin: string): boolean {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return false;
  let resolved: URL;
  try {
    resolved = new URL(trimmed, `${origin}/`);
  } catch {
    return true;
  }
  if (resolved.protocol === 'http:' || resolved.protocol === 'https:') return resolved.origin !== origin;
  // mailto: and tel: open the reader's own programs, data: is inside the page: nothing is fetched elsewhere.
  return !['mailto:', 'tel:', 'data:', 'blob:'].includes(resolved.protocol);
}

/** What a page may point elsewhere with: a plain link the reader follows (share buttons, mail links). */
export function isPlainLink(ref: Reference): boolean {
  return ref.tag === 'a' && ref.attribute === 'href';
}

export { cssUrls };
