// Reads a rendered page for markup that could run code: a script without a src, an on* handler, a
// javascript: URL, a frame or object, an inline style, a new-tab link without noopener. Firma's
// renderer double-quotes every attribute and escapes text, so a strict reading is possible: every
// "<" must open a well-formed tag.

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*(\/?)>/y;
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:="([^"]*)")?/g;
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'data',
  'background',
  'cite',
]);
const NEVER_IN_A_PAGE = new Set([
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'style',
  'math',
  'template',
  'portal',
]);

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#([0-9]+);?/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The scheme a browser would read from a URL attribute: it ignores whitespace and controls inside it. */
function scheme(value: string): string | undefined {
  const cleaned = decodeEntities(value)
    .replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
    .toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(cleaned)?.[1];
}

/** Everything in the page that could run script or load from elsewhere; empty when the page is safe. */
export function unsafeMarkup(html: string): string[] {
  const problems: string[] = [];
  let at = html.indexOf('<');
  while (at >= 0) {
    const rest = html.slice(at, at + 12).toLowerCase();
    if (rest.startsWith('<!doctype')) {
      at = html.indexOf('<', at + 1);
      continue;
    }
    if (rest.startsWith('<!--')) {
      const end = html.indexOf('-->', at);
      if (end < 0) problems.push(`an unclosed comment at ${at}`);
      at = end < 0 ? -1 : html.indexOf('<', end);
      continue;
    }
    TAG.lastIndex = at;
    const tag = TAG.exec(html);
    if (tag === null) {
      problems.push(`a "<" that opens no well-formed tag: ${JSON.stringify(html.slice(at, at + 60))}`);
      at = html.indexOf('<', at + 1);
      continue;
    }
    const [, closing, rawName = '', attributeText = ''] = tag;
    const name = rawName.toLowerCase();
    if (closing === '') {
      const attributes = new Map<string, string>();
      for (const [, attrName = '', value = ''] of attributeText.matchAll(ATTRIBUTE))
        attributes.set(attrName.toLowerCase(), value);
      if (NEVER_IN_A_PAGE.has(name)) problems.push(`a <${name}> element`);
      if (name === 'script' && !(attributes.get('src') ?? '').startsWith('/static/'))
        problems.push(`a <script> without a src on this site: ${tag[0]}`);
      if (
        name === 'meta' &&
        attributes.get('http-equiv')?.toLowerCase() === 'refresh' &&
        /url\s*=\s*(?!\/[^/\\])/i.test(decodeEntities(attributes.get('content') ?? ''))
      ) {
        problems.push(`a refresh to another site: ${tag[0]}`);
      }
      for (const [attrName, value] of attributes) {
        if (attrName.startsWith('on')) problems.push(`an event handler attribute: ${tag[0]}`);
        if (attrName === 'style') problems.push(`an inline style attribute: ${tag[0]}`);
        if (attrName === 'srcdoc') problems.push(`a srcdoc attribute: ${tag[0]}`);
        // A page opened in a new tab must not get a handle on this one (reverse tabnabbing).
        if (attrName === 'target' && value === '_blank' && !/\bnoopener\b/.test(attributes.get('rel') ?? ''))
          problems.push(`a new-tab link without rel=noopener: ${tag[0]}`);
        if (URL_ATTRIBUTES.has(attrName)) {
          const s = scheme(value);
          const imageData =
            s === 'data' &&
            name === 'img' &&
            attrName === 'src' &&
            /^data:image\/(png|gif|jpeg|webp);/i.test(decodeEntities(value));
          if (s === 'javascript' || s === 'vbscript' || (s === 'data' && !imageData))
            problems.push(`a ${s}: URL: ${tag[0]}`);
        }
      }
      // Script and style bodies are raw text: skip to their end tag (a src'd script has an empty body).
      if (name === 'script' || name === 'style') {
        const end = html.toLowerCase().indexOf(`</${name}`, TAG.lastIndex);
        if (end > TAG.lastIndex)
          problems.push(
            `an inline <${name}> body: ${JSON.stringify(html.slice(TAG.lastIndex, Math.min(end, TAG.lastIndex + 60)))}`,
          );
        at = html.indexOf('<', Math.max(end, TAG.lastIndex));
        continue;
      }
    }
    at = html.indexOf('<', TAG.lastIndex);
  }
  return problems;
}
