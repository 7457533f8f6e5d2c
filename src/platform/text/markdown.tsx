// The small Markdown subset organizers write petitions and updates in, rendered to hono/jsx nodes.
//
// Supported: paragraphs (separated by a blank line; a single newline inside one is kept as a line break),
// bulleted lists (lines starting "- ", "* " or "+ "), numbered lists ("1. " or "1) "), **bold**, *italic*,
// [links](https://…) for http, https and mailto URLs only, and backslash escapes (\* \[ …).
// Everything else is text, escaped by JSX: no raw HTML ever reaches the page. The only elements produced
// are p, br, ul, ol, li, strong, em and a; the only attributes are href and rel on a.
//
// Use: `<MarkdownHtml html={…} text={…} />` in a view for a text whose HTML was stored when it was saved
// (renderMarkdownHtml), `<Markdown text={…} />` for one rendered now (both a fragment of block elements: put them
// inside a div/section, not a p), or `markdownToPlainText(text)` for the text part of an email. The parser
// (markdown-parse.ts) is linear in the text. Changing what it renders needs a migration that renders the
// stored texts again.
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { LINK_REL, parseMarkdown, type Block, type Inline } from './markdown-parse.js';

export {
  isSafeUrl,
  LINK_REL,
  parseInline,
  parseMarkdown,
  parseMarkdownCounted,
  type Block,
  type Inline,
} from './markdown-parse.js';

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

/** The HTML `<Markdown text={text} />` renders to, for storing beside the source when a text is saved. */
export function renderMarkdownHtml(text: string): string {
  // Markdown is synchronous, so hono renders it to a string (never a Promise), which String() returns.
  return String(<Markdown text={text} />);
}

/**
 * A text whose HTML was stored when it was saved: shown as stored, not parsed again for every reader. The HTML
 * comes only from renderMarkdownHtml (escaped text and the few elements above); `text` is the fallback.
 */
export function MarkdownHtml({ html, text }: { html: string | null | undefined; text: string }) {
  return html === null || html === undefined ? <Markdown text={text} /> : raw(html);
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
