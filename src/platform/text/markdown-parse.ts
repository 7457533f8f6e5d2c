// Parsing the small Markdown subset organizers write petitions and updates in (see markdown.tsx for what it
// supports), in time linear in the text: each character is read a bounded number of times, whatever the input.
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block = { kind: 'paragraph'; children: Inline[] } | { kind: 'list'; ordered: boolean; items: Inline[][] };

export const LINK_REL = 'nofollow ugc noopener';

const SAFE_URL = /^(?:https?:\/\/[^\s<>"'`\\\x00-\x1f\x7f]+|mailto:[^\s<>"'`\\\x00-\x1f\x7f]+)$/i;

export function isSafeUrl(url: string): boolean {
  return SAFE_URL.test(url);
}

// Parsing takes time linear in the text's length, whatever the text: an attacker writes it, and the public page
// parses it on each cache miss. Every look-ahead is answered from a per-line index built in two passes (see
// indexLine), every character is visited once, and no pattern can backtrack over more than a few characters.

/** Steps taken, about one per character visited, so a test can bound the parser's work without a clock. */
interface Work {
  steps: number;
}

/** Splits the text into paragraphs and lists. */
export function parseMarkdown(source: string): Block[] {
  return parseBlocks(source, { steps: 0 });
}

/** parseMarkdown, with the steps it took: for tests that hold its work linear in the text's length. */
export function parseMarkdownCounted(source: string): { blocks: Block[]; steps: number } {
  const work: Work = { steps: 0 };
  const blocks = parseBlocks(source, work);
  return { blocks, steps: work.steps };
}

// A list item's marker and the spaces after it; the item's text is the rest of the line, left out of the pattern
// because `[ \t]+(.*)$` backtracks quadratically over the spaces when the line holds U+2028 or U+2029.
const LIST_MARKER = /^[ \t]{0,3}(?:[-*+]|(\d{1,9})[.)])[ \t]+/;
// That `.` matched neither, so a line holding one was never a list item, and still is not.
const LINE_SEPARATOR = /[\u2028\u2029]/;

function parseBlocks(source: string, work: Work): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  work.steps += source.length + 1;
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[][] } | undefined;

  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', children: paragraphInlines(paragraph, work) });
    if (list !== undefined) {
      const items = list.items.map((item) => paragraphInlines(item, work));
      blocks.push({ kind: 'list', ordered: list.ordered, items });
    }
    paragraph = [];
    list = undefined;
  };

  for (const line of lines) {
    // trim, the two patterns and the slice each read the line once.
    work.steps += line.length + 1;
    if (line.trim() === '') {
      flush();
      continue;
    }
    const marker = LINE_SEPARATOR.test(line) ? null : LIST_MARKER.exec(line);
    if (marker !== null) {
      const ordered = marker[1] !== undefined;
      if (list === undefined || list.ordered !== ordered) {
        flush();
        list = { ordered, items: [] };
      }
      list.items.push([line.slice(marker[0].length)]);
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

function paragraphInlines(lines: string[], work: Work): Inline[] {
  const out: Inline[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push({ kind: 'break' });
    // A loop, not push(...nodes): a long line of emphasis has more nodes than a call takes arguments.
    for (const node of parseLine(line, true, work)) out.push(node);
  });
  return out;
}

export function parseInline(s: string, allowLinks: boolean): Inline[] {
  return parseLine(s, allowLinks, { steps: 0 });
}

function parseLine(s: string, allowLinks: boolean, work: Work): Inline[] {
  return parseSpan(indexLine(s, work), 0, s.length, allowLinks, 0, work);
}

/**
 * Every look-ahead the inline parser makes on one line, answered in constant time (positions in the line; its length
 * stands for "none"): where an opening `[` or `(` closes, where the next `**` or `*` closer at or after a position
 * is, and the next character that is not a space, or that a URL may not hold.
 */
interface LineIndex {
  s: string;
  closer(open: number): number;
  strongCloser(from: number): number;
  emCloser(from: number): number;
  nonSpace(from: number): number;
  nonUrlChar(from: number): number;
}

function indexLine(s: string, work: Work): LineIndex {
  const n = s.length;
  const table = () => new Int32Array(n + 1).fill(n);
  const [closers, strong, em, nonSpace, nonUrl] = [table(), table(), table(), table(), table()];
  const brackets: number[] = [];
  const parens: number[] = [];
  let secondOfPair = false;
  // Forward, reading the line as a scan for a closer would from any position the parser starts one at: a backslash
  // hides the next character, and an italic's scan steps over `**` pairs, which belong to a bold inside it.
  for (let j = 0; j < n; j++) {
    work.steps++;
    const ch = s[j];
    if (ch === '\\') {
      j++;
    } else if (ch === '[') {
      brackets.push(j);
    } else if (ch === '(') {
      parens.push(j);
    } else if (ch === ']' || ch === ')') {
      const open = (ch === ']' ? brackets : parens).pop();
      if (open !== undefined) closers[open] = j;
    } else if (ch === '*') {
      const pair = s[j + 1] === '*';
      if (pair) strong[j] = j;
      if (secondOfPair) secondOfPair = false;
      else if (pair) secondOfPair = true;
      else if (s[j - 1] !== '*') em[j] = j;
    }
  }
  // Backward, turning "a closer is here" marks into "the next closer is there".
  let [nextStrong, nextEm, nextNonSpace, nextNonUrl] = [n, n, n, n];
  for (let j = n - 1; j >= 0; j--) {
    work.steps++;
    const kind = charClass(s, j);
    if (strong[j] === j) nextStrong = j;
    if (em[j] === j) nextEm = j;
    if ((kind & IS_SPACE) === 0) nextNonSpace = j;
    if ((kind & IS_URL_CHAR) === 0) nextNonUrl = j;
    strong[j] = nextStrong;
    em[j] = nextEm;
    nonSpace[j] = nextNonSpace;
    nonUrl[j] = nextNonUrl;
  }
  const lookup = (values: Int32Array) => (at: number) => values[at] ?? n;
  return {
    s,
    closer: lookup(closers),
    strongCloser: lookup(strong),
    emCloser: lookup(em),
    nonSpace: lookup(nonSpace),
    nonUrlChar: lookup(nonUrl),
  };
}

const IS_SPACE = 1; // \s, which trim() also removes
const IS_URL_CHAR = 2; // a character SAFE_URL allows after the scheme
const URL_CHAR = /[^\s<>"'`\\\x00-\x1f\x7f]/;
const classOf = (ch: string) => (/\s/.test(ch) ? IS_SPACE : 0) | (URL_CHAR.test(ch) ? IS_URL_CHAR : 0);
// Looked up for ASCII: two pattern calls for every character made indexing most of the parser's time.
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, code) => classOf(String.fromCharCode(code)));

function charClass(s: string, at: number): number {
  return ASCII_CLASS[s.charCodeAt(at)] ?? classOf(s.charAt(at));
}

const ESCAPABLE = /^[\\`*_{}[\]()#+\-.!>|~]$/;
// Each closer is the first one after its opener, so no em holds an em at any depth, nor a strong a strong, and a
// link's label holds no link: 3 is as deep as the rules go. The cap keeps recursion bounded if a rule changes.
const MAX_NESTING = 3;

/**
 * The inline nodes of line.s[start, end). Emphasis and links are parsed inside their own span, so each character is
 * visited once, and every closer is looked up in the index rather than scanned for.
 */
function parseSpan(line: LineIndex, start: number, end: number, allowLinks: boolean, depth: number, work: Work) {
  const { s } = line;
  const out: Inline[] = [];
  const canNest = depth < MAX_NESTING;
  let text = ''; // the text so far, and s[copied, i) after it
  let copied = start;
  let i = start;
  while (i < end) {
    work.steps++;
    const ch = s[i];
    const next = i + 1 < end ? s[i + 1] : undefined;
    let node: Inline | undefined;
    let close = i; // where the node opened at i ends, when one does
    if (ch === '\\' && next !== undefined && ESCAPABLE.test(next)) {
      text += s.slice(copied, i) + next;
      i += 2;
      copied = i;
      continue;
    } else if (ch === '*' && next === '*') {
      const at = line.strongCloser(i + 2);
      if (!canNest || at + 1 >= end || !isEmphasis(s, i + 2, at)) {
        i += 2;
        continue;
      }
      node = { kind: 'strong', children: parseSpan(line, i + 2, at, allowLinks, depth + 1, work) };
      close = at + 2;
    } else if (ch === '*') {
      const at = line.emCloser(i + 1);
      if (canNest && at < end && isEmphasis(s, i + 1, at)) {
        node = { kind: 'em', children: parseSpan(line, i + 1, at, allowLinks, depth + 1, work) };
        close = at + 1;
      }
    } else if (ch === '[' && allowLinks && canNest) {
      const labelEnd = line.closer(i);
      const urlEnd = labelEnd + 1 < end && s[labelEnd + 1] === '(' ? line.closer(labelEnd + 1) : end;
      if (urlEnd < end && line.nonSpace(i + 1) < labelEnd && isSafeUrlIn(line, labelEnd + 2, urlEnd)) {
        const href = s.slice(labelEnd + 2, urlEnd).trim();
        node = { kind: 'link', href, children: parseSpan(line, i + 1, labelEnd, false, depth + 1, work) };
        close = urlEnd + 1;
      }
    }
    if (node === undefined) {
      i++;
      continue;
    }
    pushText(out, text + s.slice(copied, i));
    out.push(node);
    text = '';
    i = copied = close;
  }
  pushText(out, text + s.slice(copied, end));
  return out;
}

function pushText(out: Inline[], text: string): void {
  if (text !== '') out.push({ kind: 'text', text });
}

/** Whether s[from, to) may be emphasized: not empty, and neither starting nor ending with a space. */
function isEmphasis(s: string, from: number, to: number): boolean {
  return to > from && (charClass(s, from) & IS_SPACE) === 0 && (charClass(s, to - 1) & IS_SPACE) === 0;
}

const URL_SCHEME = /^(?:https?:\/\/|mailto:)/i;
const LONGEST_SCHEME = 'https://'.length;

/** isSafeUrl(line.s.slice(from, to).trim()), in constant time: SAFE_URL's scheme, then its characters to the end. */
function isSafeUrlIn(line: LineIndex, from: number, to: number): boolean {
  const start = line.nonSpace(from);
  if (start >= to) return false;
  const scheme = URL_SCHEME.exec(line.s.slice(start, Math.min(start + LONGEST_SCHEME, to)));
  if (scheme === null) return false;
  const rest = start + scheme[0].length;
  const bad = line.nonUrlChar(rest);
  // At least one URL character after the scheme, and after them nothing but spaces, which trim() removes.
  return rest < to && bad > rest && (bad >= to || line.nonSpace(bad) >= to);
}
