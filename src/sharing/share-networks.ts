// Where a share button leads: each network's own "share this" address, built here and only here, so that the
// share redirect can never be turned into an open redirect (it only ever sends a reader to one of these).

export const SHARE_NETWORKS = ['whatsapp', 'email', 'facebook', 'x'] as const;
export type ShareNetwork = (typeof SHARE_NETWORKS)[number];

export function isShareNetwork(value: string): value is ShareNetwork {
  return (SHARE_NETWORKS as readonly string[]).includes(value);
}

/** The link with the source code the signatures it brings will carry. */
export function withSource(url: string, source: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}source=${source}`;
}

/** The network's share address for `text` (the message) and `url` (the petition, with its source code). */
export function networkShareUrl(network: ShareNetwork, share: { text: string; title: string; url: string }): string {
  const enc = encodeURIComponent;
  switch (network) {
    case 'whatsapp':
      return `https://wa.me/?text=${enc(`${share.text} ${share.url}`)}`;
    case 'email':
      return `mailto:?subject=${enc(share.title)}&body=${enc(`${share.text}\n\n${share.url}`)}`;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${enc(share.url)}`;
    case 'x':
      return `https://x.com/intent/post?text=${enc(share.text)}&url=${enc(share.url)}`;
  }
}
