// The small Markdown subset organizers write petitions and updates in, rendered to hono/jsx nodes.
//
// Supported: paragraphs (separated by a blank line; a single newline inside one is kept as a line break),
// bulleted lists (lines starting "- ", "* " or "+ "), numbered lists ("1. " or "1) "), **bold**, *italic*,
// [links](https://…) for http, https and mailto URLs only, and backslash escapes (\* \[ …).
// Everything else is text, escaped by JSX: no raw HTML ever reaches the page. The only elements produced
// are p, br, ul, ol, li, strong, em and a; the only attributes are href and rel on a.
//
// Use: `<Markdown text={…} />` in a view (a fragment of block elements, so put it inside a div/section, not a p),
// or `markdownToPlainText(text)` for the text part of an email.
import type { Child } from 'hono/jsx';

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] };

export const LINK_REL = 'nofollow ugc noopener';

const BULLET = /^[ \t]{0,3}[-*+][ \t]+(.*)$/;
const NUMBERED = /^[ \t]{0,3}\d{1,9}[.)][ \t]+(.*)$/;
const SAFE_URL = /^(?:https?:\/\/[^\s<>"'`\\\x00-\x1f\x7f]+|mailto:[^\s<>"'`\\\x00-\x1f\x7f]+)$/i;
const ESCAPABLE = /^[\\`*_{}[\]()#+\-.!>|~]$/;

export function isSafeUrl(url: string): boolean {
  return SAFE_URL.test(url);
}

/** Splits the text into paragraphs and lists. */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[][] } | undefined;

  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', children: paragraphInlines(paragraph) });
    if (list !== undefined) {
      blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map((item) => paragraphInlines(item)) });
    }
    paragraph = [];
    list = undefined;
  };

  for (const line of lines) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet === null ? NUMBERED.exec(line) : null;
    const item = bullet ?? numbered;
    if (item !== null) {
      const ordered = numbered !== null;
      if (list === undefined || list.ordered !== ordered) {
        flush();
        list = { ordered, items: [] };
      }
      list.items.push([item[1] ?? '']);
    } else if (list !== undefined) {
      // A line under an item without a blank line continues that item.
      list.items[list.items.length - 1]?.push(line.trim());
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

function paragraphInlines(lines: string[]): Inline[] {
  const out: Inline[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push({ kind: 'break' });
    out.push(...parseInline(line, true));
  });
  return out;
}

/** Position of the next unescaped occurrence of `delim` at or after `from` that closes an emphasis, or -1. */
function findClosing(s: string, from: number, delim: '**' | '*'): number {
  for (let j = from; j < s.length; j++) {
    const ch = s[j];
    if (ch === '\\') {
      j++;
      continue;
    }
    if (ch !== '*') continue;
    if (delim === '**') {
      if (s[j + 1] === '*') return j;
    } else if (s[j + 1] === '*') {
      // Skip a whole ** pair: it belongs to a bold inside the italic.
      j++;
    } else if (s[j - 1] !== '*') {
      return j;
    }
  }
  return -1;
}

/** Index of the `close` bracket matching the `open` one at `from`, skipping escapes and nested pairs, or -1. */
function findMatching(s: string, from: number, open: string, close: string): number {
  let depth = 0;
  for (let j = from; j < s.length; j++) {
    const ch = s[j];
    if (ch === '\\') {
      j++;
    } else if (ch === open) {
      depth++;
    } else if (ch === close) {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

function emphasisContent(s: string, start: number, end: number): string | undefined {
  const content = s.slice(start, end);
  if (content === '' || /^\s/.test(content) || /\s$/.test(content)) return undefined;
  return content;
}

export function parseInline(s: string, allowLinks: boolean): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const pushText = () => {
    if (text !== '') out.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const ch = s[i] as string;
    if (ch === '\\' && ESCAPABLE.test(s[i + 1] ?? '')) {
      text += s[i + 1];
      i += 2;
      continue;
    }
    if (ch === '*' && s[i + 1] === '*') {
      const end = findClosing(s, i + 2, '**');
      const content = end === -1 ? undefined : emphasisContent(s, i + 2, end);
      if (content !== undefined) {
        pushText();
        out.push({ kind: 'strong', children: parseInline(content, allowLinks) });
        i = end + 2;
        continue;
      }
      text += '**';
      i += 2;
      continue;
    }
    if (ch === '*') {
      const end = findClosing(s, i + 1, '*');
      const content = end === -1 ? undefined : emphasisContent(s, i + 1, end);
      if (content !== undefined) {
        pushText();
        out.push({ kind: 'em', children: parseInline(content, allowLinks) });
        i = end + 1;
        continue;
      }
    }
    if (ch === '[' && allowLinks) {
      const labelEnd = findMatching(s, i, '[', ']');
      if (labelEnd !== -1 && s[labelEnd + 1] === '(') {
        const urlEnd = findMatching(s, labelEnd + 1, '(', ')');
        const label = s.slice(i + 1, labelEnd);
        const href = urlEnd === -1 ? '' : s.slice(labelEnd + 2, urlEnd).trim();
        if (urlEnd !== -1 && label.trim() !== '' && isSafeUrl(href)) {
          pushText();
          out.push({ kind: 'link', href, children: parseInline(label, false) });
          i = urlEnd + 1;
          continue;
        }
      }
    }
    text += ch;
    i++;
  }
  pushText();
  return out;
}

function renderInline(nodes: Inline[]): Child[] {
  return nodes.map((n): Child => {
    switch (n.kind) {
      case 'text':
        return n.text;
      case 'break':
        return <br />;
      case 'strong':
        return <strong>{renderInline(n.children)}</strong>;
      case 'em':
        return <em>{renderInline(n.children)}</em>;
      case 'link':
        return (
          <a href={n.href} rel={LINK_REL}>
            {renderInline(n.children)}
          </a>
        );
    }
  });
}

function renderBlock(b: Block): Child {
  if (b.kind === 'paragraph') return <p>{renderInline(b.children)}</p>;
  const items = b.items.map((item) => <li>{renderInline(item)}</li>);
  return b.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
}

/** The text rendered as block elements (a fragment). */
export function Markdown({ text }: { text: string }) {
  return <>{parseMarkdown(text).map(renderBlock)}</>;
}

function inlineText(nodes: Inline[]): string {
  return nodes
    .map((n) => {
      switch (n.kind) {
        case 'text':
          return n.text;
        case 'break':
          return '\n';
        case 'strong':
        case 'em':
          return inlineText(n.children);
        case 'link': {
          const label = inlineText(n.children);
          const shown = n.href.replace(/^mailto:/i, '');
          return label === shown ? label : `${label} (${shown})`;
        }
      }
    })
    .join('');
}

/** The text as plain text (for the text part of an email): markup removed, links as "label (url)". */
export function markdownToPlainText(text: string): string {
  return parseMarkdown(text)
    .map((b) =>
      b.kind === 'paragraph'
        ? inlineText(b.children)
        : b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${inlineText(item)}`).join('\n'),
    )
    .join('\n\n');
}
