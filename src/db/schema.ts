// Row types of every table, as Kysely sees them on both engines.
import type { Generated } from 'kysely';

export interface PetitionTable {
  id: Generated<number>;
  slug: string;
  status: string;
  default_locale: string;
  country: string;
  delivery_method: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  closes_at: string | null;
  requires_verification: Generated<number>;
  milestone_emails_to_signers: Generated<number>;
  last_milestone_notified: Generated<number>;
  organizer_name: string | null;
  organizer_email: string | null;
}

export interface PetitionTranslationTable {
  petition_id: number;
  locale: string;
  title: string;
  statement: string;
  why: string;
  delivery_details: string;
}

export interface PetitionTargetTable {
  id: Generated<number>;
  petition_id: number;
  position: number;
}

export interface PetitionTargetNameTable {
  target_id: number;
  locale: string;
  name: string;
}

export interface SignatureTable {
  id: Generated<number>;
  petition_id: number;
  locale: string;
  name: string;
  email: string;
  email_normalized: string;
  postal_code: string;
  town: string | null;
  comment: string | null;
  name_display: string;
  opt_in: number;
  source: string | null;
  status: string;
  ip_hash: string | null;
  created_at: string;
  token_salt: string | null;
  token_hash: string | null;
  confirmed_at: string | null;
  confirmation_sent_at: string | null;
  confirmation_emails_sent: Generated<number>;
  unsubscribed_at: string | null;
}

export interface MailOutboxTable {
  id: Generated<number>;
  kind: string;
  petition_id: number | null;
  signature_id: number | null;
  recipient: string | null;
  locale: string;
  payload: string;
  dedupe_key: string | null;
  status: string;
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface PetitionMilestoneTable {
  petition_id: number;
  milestone: number;
  reached_at: string;
  announced_at: string | null;
}

export interface PetitionCountShardTable {
  petition_id: number;
  shard: number;
  signature_count: number;
}

export interface Tables {
  petitions: PetitionTable;
  petition_translations: PetitionTranslationTable;
  petition_targets: PetitionTargetTable;
  petition_target_names: PetitionTargetNameTable;
  signatures: SignatureTable;
  petition_count_shards: PetitionCountShardTable;
  mail_outbox: MailOutboxTable;
  petition_milestones: PetitionMilestoneTable;
}
