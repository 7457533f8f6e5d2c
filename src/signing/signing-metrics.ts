// What signing counts for /metrics: signatures taken and refused (by reason), and confirmations by email.
import { Counter, type Registry } from 'prom-client';

/** Why a signature was not taken, as counted: the form, a rate limit's scope, a block list, or a closed petition. */
export type RefusalReason =
  | 'invalid_form'
  | 'closed'
  | `limit_${'address' | 'petition' | 'domain'}`
  | `blocked_${'cidr' | 'email' | 'domain' | 'disposable'}`;

export interface SigningMetrics {
  /** A signature written ('signed'), or a signer who had signed already ('already_signed'). */
  accepted(outcome: 'signed' | 'already_signed', pending: boolean): void;
  refused(reason: RefusalReason): void;
  confirmed(): void;
}

export function createSigningMetrics(registry: Registry): SigningMetrics {
  const signatures = new Counter({
    name: 'firma_signatures_total',
    help: "Signing attempts by outcome ('signed', 'already_signed', 'refused'), whether the signature waits for confirmation by email, and the reason for a refusal.",
    labelNames: ['outcome', 'pending', 'reason'] as const,
    registers: [registry],
  });
  const confirmations = new Counter({
    name: 'firma_signature_confirmations_total',
    help: 'Pending signatures confirmed from the emailed link.',
    registers: [registry],
  });
  return {
    accepted: (outcome, pending) => signatures.inc({ outcome, pending: String(pending), reason: '' }),
    refused: (reason) => signatures.inc({ outcome: 'refused', pending: 'false', reason }),
    confirmed: () => confirmations.inc(),
  };
}

/** Counts nothing: for callers outside a running app (commands, tests of one service). */
export const UNCOUNTED: SigningMetrics = {
  accepted: () => undefined,
  refused: () => undefined,
  confirmed: () => undefined,
};
