// What signing announces, for other features to react to (wired in src/reactions.ts).
export interface SigningEvents {
  /** A pending signature was confirmed and counted. */
  'signature.confirmed': {
    signatureId: number;
    petitionId: number;
    locale: string;
    /** When it was signed: updates emailed since then were missed while it was pending. */
    createdAt: string;
    /** The signer asked for updates and has not unsubscribed. */
    wantsUpdates: boolean;
    now: string;
  };
  /**
   * Signatures counted as they were made (no confirmation needed), written together in one batch: one event per
   * petition in the batch.
   */
  'signatures.counted': { petitionId: number; signatureIds: readonly number[]; now: string };
  /** A signer withdrew: the signature, its details and its mail are deleted (and it is off the count). */
  'signature.withdrawn': { signatureId: number; petitionId: number; now: string };
}
