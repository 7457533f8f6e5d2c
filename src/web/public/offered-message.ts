// The organizer's share message a page offers this time, and where its share buttons go.
import { nextMessage, type ShareMessage } from '../../sharing/share-messages.js';

export function offeredMessage(
  petitionId: number,
  messages: readonly ShareMessage[],
  locale: string,
  slug: string,
): { id: number; body: string; shareBase: string } | undefined {
  const message = nextMessage(petitionId, messages, locale);
  return message === undefined
    ? undefined
    : { id: message.id, body: message.body, shareBase: `/${locale}/p/${slug}/share` };
}
