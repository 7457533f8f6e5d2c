// The POSTs that come from a mail client, not from this site's pages (RFC 8058 one-click unsubscribe): a signer's
// unsubscribe and a legislator's stop of a petition's digests. Each carries its own secret token in its path, so the
// same-origin check lets them through; nothing else is.
import { DIGEST_STOP_PATH } from './digest-routes.js';
import { TOKEN_POST_PATH } from './signer-link-routes.js';

export const ONE_CLICK_POST_PATH = new RegExp(`${TOKEN_POST_PATH.source}|${DIGEST_STOP_PATH.source}`);
