// A referral source code (?source=whatsapp-group): how a petition's signers found it, counted on the dashboard.
// Lower-case letters, digits, '-' and '_': nothing that needs escaping in a URL, an HTML attribute or a header.
export const SOURCE_CODE = /^[a-z0-9_-]{1,64}$/;

/** The source code in a query or form value, or undefined when there is none or it breaks the rule. */
export function sourceCodeIn(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const value = raw.trim().toLowerCase();
  return SOURCE_CODE.test(value) ? value : undefined;
}
