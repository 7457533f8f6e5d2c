// A signer as the links in their emails, and the mail sent to them, see them.

export interface SignerRow {
  id: number;
  petitionId: number;
  locale: string;
  name: string;
  email: string;
  status: string;
  optIn: boolean;
  unsubscribed: boolean;
  tokenSalt: string | null;
  createdAt: string;
  /** When the latest confirmation email was queued (pending signatures). */
  confirmationSentAt: string | null;
}
