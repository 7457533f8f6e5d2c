import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ctTrustActPetition } from '../../demo/ct-trust-act.js';
import { Markdown, markdownToPlainText, parseMarkdownCounted, renderMarkdownHtml } from './markdown.js';

function html(text: string): string {
  return String(<Markdown text={text} />);
}

const REL = 'rel="nofollow ugc noopener"';

describe('Markdown', () => {
  it('separates paragraphs by blank lines and keeps single line breaks', () => {
    expect(html('One\nline two\n\n\nTwo')).toBe('<p>One<br/>line two</p><p>Two</p>');
  });

  it('renders bulleted and numbered lists', () => {
    expect(html('Intro\n\n- a\n- b\n\n1. x\n2) y')).toBe(
      '<p>Intro</p><ul><li>a</li><li>b</li></ul><ol><li>x</li><li>y</li></ol>',
    );
    expect(html('* one\n+ two')).toBe('<ul><li>one</li><li>two</li></ul>');
  });

  it('starts a list right after a paragraph line and continues an item on the next line', () => {
    expect(html('We ask:\n- a\n  more of a\n- b')).toBe('<p>We ask:</p><ul><li>a<br/>more of a</li><li>b</li></ul>');
  });

  it('renders bold, italic and both', () => {
    expect(html('**bold** and *italic* and *it **bold** it*')).toBe(
      '<p><strong>bold</strong> and <em>italic</em> and <em>it <strong>bold</strong> it</em></p>',
    );
  });

  it('leaves stray asterisks and escaped markup as text', () => {
    expect(html('2 * 3 * 4, ** nothing **, \\*not italic\\*')).toBe('<p>2 * 3 * 4, ** nothing **, *not italic*</p>');
  });

  it('links http, https and mailto URLs with rel nofollow ugc noopener', () => {
    expect(html('[site](https://example.org/a?b=1&c=2) [mail](mailto:a@example.org) [old](http://example.org)')).toBe(
      `<p><a href="https://example.org/a?b=1&amp;c=2" ${REL}>site</a> <a href="mailto:a@example.org" ${REL}>mail</a> <a href="http://example.org" ${REL}>old</a></p>`,
    );
  });

  it('keeps parentheses inside a URL and brackets inside a label', () => {
    expect(html('[the [2018] act](https://en.wikipedia.org/wiki/Act_(law))')).toBe(
      `<p><a href="https://en.wikipedia.org/wiki/Act_(law)" ${REL}>the [2018] act</a></p>`,
    );
  });

  describe('XSS payloads stay text', () => {
    it.each([
      ['<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
      ['<img src=x onerror=alert(1)>', '<p>&lt;img src=x onerror=alert(1)&gt;</p>'],
      ['[click](javascript:alert(1))', '<p>[click](javascript:alert(1))</p>'],
      ['[click](JaVaScRiPt:alert(1))', '<p>[click](JaVaScRiPt:alert(1))</p>'],
      ['[click](data:text/html;base64,PHNjcmlwdD4=)', '<p>[click](data:text/html;base64,PHNjcmlwdD4=)</p>'],
      ['[click](&#106;avascript:alert(1))', '<p>[click](&amp;#106;avascript:alert(1))</p>'],
      [
        '[x](https://a.example/" onmouseover="alert(1))',
        '<p>[x](https://a.example/&quot; onmouseover=&quot;alert(1))</p>',
      ],
      ['" onmouseover="alert(1)', '<p>&quot; onmouseover=&quot;alert(1)</p>'],
      [
        '[a [b](javascript:x) c](https://ok.example)',
        `<p><a href="https://ok.example" ${REL}>a [b](javascript:x) c</a></p>`,
      ],
      ['[[[nested]]](https://ok.example)', `<p><a href="https://ok.example" ${REL}>[[nested]]</a></p>`],
      ['**<b>bold</b>**', '<p><strong>&lt;b&gt;bold&lt;/b&gt;</strong></p>'],
    ])('%s', (input, expected) => {
      expect(html(input)).toBe(expected);
    });
  });

  it('never produces a tag other than p, br, ul, ol, li, strong, em, a, nor an attribute other than href and rel', () => {
    const alphabet = [
      '<',
      '>',
      '"',
      "'",
      '&',
      '*',
      '[',
      ']',
      '(',
      ')',
      '\\',
      '\n',
      ' ',
      '-',
      '1.',
      'a',
      'script',
      'javascript:',
      'https://x.example/',
      'mailto:',
      'onmouseover=',
      '=',
      '/',
    ];
    const text = fc.oneof(
      fc.string({ unit: 'grapheme-ascii', maxLength: 200 }),
      fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 60 }),
    );
    const tag = /^<\/?(p|br|ul|ol|li|strong|em|a)(\s+(href|rel)="[^"<>]*")*\s*\/?>/;
    fc.assert(
      fc.property(text, (input) => {
        const out = html(input);
        for (let i = out.indexOf('<'); i !== -1; i = out.indexOf('<', i + 1)) {
          const m = tag.exec(out.slice(i));
          if (m === null) return false;
          const href = /href="([^"]*)"/.exec(m[0]);
          if (href !== null && !/^(https?:\/\/|mailto:)/i.test(href[1] ?? '')) return false;
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it('renders the demo petition as the paragraphs it has always had', () => {
    for (const text of Object.values(ctTrustActPetition('2026-01-01T00:00:00.000Z').texts)) {
      if (text === undefined) continue;
      const paragraphs = text.why.split('\n\n');
      expect(html(text.why)).toBe(paragraphs.map((p) => `<p>${escape(p)}</p>`).join(''));
      expect(html(text.statement)).toBe(`<p>${escape(text.statement)}</p>`);
    }
  });

  it('renders emphasis and links nested as deep as the rules allow', () => {
    expect(html('*[**a**](https://x.example)* **b *[c](https://x.example)* d**')).toBe(
      `<p><em><a href="https://x.example" ${REL}><strong>a</strong></a></em> ` +
        `<strong>b <em><a href="https://x.example" ${REL}>c</a></em> d</strong></p>`,
    );
  });

  it('gives a plain-text version for email', () => {
    expect(markdownToPlainText('**Hi** *you*\nsee [this](https://x.example)\n\n- a\n- b\n\n1. c')).toBe(
      'Hi you\nsee this (https://x.example)\n\n- a\n- b\n\n1. c',
    );
  });

  it('renders to HTML to store beside the source, as the Markdown component does', () => {
    const text = '**Act** now:\n\n- see [the bill](https://x.example/b?a=1&b=2)\n- *sign* <today>';
    expect(renderMarkdownHtml(text)).toBe(
      '<p><strong>Act</strong> now:</p>' +
        `<ul><li>see <a href="https://x.example/b?a=1&amp;b=2" ${REL}>the bill</a></li>` +
        '<li><em>sign</em> &lt;today&gt;</li></ul>',
    );
    expect(renderMarkdownHtml(text)).toBe(html(text));
  });
});

// An attacker controls every character of a petition or update, and the public page parses it on each cache miss:
// the parser's work must grow with the text's length, never with its square. Counted in steps, not timed.
describe('Markdown parsing work', () => {
  // A character is read at most five times: splitting the text, reading its line, the two passes indexing the line,
  // and the parse; one more for slack. The quadratic parser this replaced took 2,000 per character on 4,000 `[`.
  const STEPS_PER_CHAR = 6;
  const bound = (text: string) => STEPS_PER_CHAR * (text.length + 1);
  const repeat = (unit: string) => (size: number) => unit.repeat(Math.ceil(size / unit.length));
  const nest = (open: string, middle: string, close: string) => (size: number) => {
    const k = Math.ceil(size / (open.length + close.length));
    return open.repeat(k) + middle + close.repeat(k);
  };
  const families: [string, (size: number) => string][] = [
    ['runs of [', repeat('[')],
    ['[]( patterns', repeat('[](')],
    ['[]( patterns closed at the end', nest('[](', '', ')')],
    ['nested links whose URLs fail at the end', nest('[a](https://x.example/', ' ', ')')],
    ['nested labels each followed by an unsafe URL', nest('[', 'a', '](javascript:x)')],
    ['nested brackets', nest('[', 'a', ']')],
    ['runs of (', repeat('(')],
    ['nested parentheses', nest('(', 'a', ')')],
    ['runs of **', repeat('**')],
    ['runs of ***', repeat('*** ')],
    ['runs of *a', repeat('*a')],
    ['runs of **a', repeat('**a')],
    ['runs of * a', repeat('* a ')],
    ['emphasis around long spaces', (size) => `*a${' '.repeat(size)}*`],
    ['escaped brackets', repeat('\\[')],
    ['runs of backslashes', repeat('\\')],
    ['mixed openers', repeat('*[**(')],
    ['mixed openers and closers', repeat('[*a](**')],
    ['many list markers', repeat('- ')],
    ['many list items', repeat('- [a\n1. *b\n')],
    ['a list marker before many spaces and a line separator', (size) => `- ${' '.repeat(size)}\u2028`],
    ['a number before many tabs and a paragraph separator', (size) => `1.${'\t'.repeat(size)}\u2029`],
    ['long lines of spaces', (size) => `${' '.repeat(size)}x`],
    ['many lines', repeat('a\n')],
  ];

  describe.each([4_000, 64_000])('at %i characters', (size) => {
    it.each(families)(`on %s takes at most ${STEPS_PER_CHAR} steps per character`, (_name, make) => {
      const text = make(size);
      expect(parseMarkdownCounted(text).steps).toBeLessThanOrEqual(bound(text));
    });
  });

  const markup = fc.constantFrom(...'[]()*\\ -+1.\nab');
  it(`on random markup, and on random patterns repeated, takes at most ${STEPS_PER_CHAR} steps per character`, () => {
    const text = fc.oneof(
      fc.string({ unit: markup, maxLength: 400 }),
      fc
        .tuple(fc.string({ unit: markup, minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 1_000 }))
        .map(([unit, times]) => unit.repeat(times)),
    );
    fc.assert(
      fc.property(text, (input) => parseMarkdownCounted(input).steps <= bound(input)),
      { numRuns: 1000 },
    );
  });
});

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
