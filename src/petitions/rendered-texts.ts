// The rows of Markdown texts as stored: each with its HTML rendered once, when it is saved (migration 0009),
// so a page shows the stored HTML instead of parsing the text again for every reader.
import { renderMarkdownHtml } from '../platform/text/markdown.js';
import type { PetitionText } from './petition.js';

/** A petition's texts in one language. */
export function translationRow(petitionId: number, locale: string, text: PetitionText) {
  return {
    petition_id: petitionId,
    locale,
    title: text.title,
    statement: text.statement,
    why: text.why,
    delivery_details: text.deliveryDetails,
    statement_html: renderMarkdownHtml(text.statement),
    why_html: renderMarkdownHtml(text.why),
    delivery_details_html: renderMarkdownHtml(text.deliveryDetails),
  };
}

/** An update's text in one language (an organizer's update, a delivery's or a victory's announcement). */
export function updateTextRow(updateId: number, locale: string, title: string, body: string) {
  return { update_id: updateId, locale, title, body, body_html: renderMarkdownHtml(body) };
}
