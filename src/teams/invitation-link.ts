// An invitation's link: the token is HMAC(secret, salt), the outbox keeps the salt and the database the token's
// hash, as for sign-in links (src/accounts/sign-in-links.ts): neither alone lets anyone join a team.
import { createHmac } from 'node:crypto';

export function invitationToken(secret: string, salt: string): string {
  return createHmac('sha256', secret).update(`team-invitation:${salt}`).digest('base64url');
}

export function invitationUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/organize/invitations/${token}`;
}

/** How long an invitation's link works. */
export const INVITATION_DAYS = 14;
