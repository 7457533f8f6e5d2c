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
  owner_id: number | null;
  victory_at: string | null;
  edited_at: string | null;
  moderation_state: Generated<string>;
  submitted_at: string | null;
  reviewed_at: string | null;
  reviewed_by: number | null;
  review_reason: string | null;
  review_note: string | null;
  hidden_at: string | null;
  hidden_reason: string | null;
  hidden_note: string | null;
  pow_mode: Generated<string>;
  pow_auto_until: string | null;
  personal_data_erased_at: string | null;
  /** When the petition was last closed (null while open; closes_at covers a closing date that passed). */
  closed_at: string | null;
  /** When its closing (by hand or by its date) was announced as `petition.closed`; null while it is open. */
  closing_announced_at: string | null;
}

export interface PetitionTranslationTable {
  petition_id: number;
  locale: string;
  title: string;
  statement: string;
  why: string;
  delivery_details: string;
  /** The texts' HTML, rendered when they were saved (null only if written by something that did not render). */
  statement_html: string | null;
  why_html: string | null;
  delivery_details_html: string | null;
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
  email_domain: string | null;
  ip_prefix_hash: string | null;
  invalidation_id: number | null;
  status_before_invalidation: string | null;
  erased_at: string | null;
  /** 'online', or 'paper' (entered from a signature sheet: `sheet` and its line). */
  method: Generated<string>;
  sheet: number | null;
  sheet_line: number | null;
  /** What the signer was matched to (signature-districts.ts: packDistricts); null without district targets. */
  districts: string | null;
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

/** One row the readiness probe writes, to see that the database takes writes. */
export interface DatabaseProbeTable {
  id: number;
  checked_at: string;
}

export interface PetitionCountShardTable {
  petition_id: number;
  shard: number;
  signature_count: number;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string | null;
  role: string;
  locale: string;
  created_at: string;
  last_sign_in_at: string | null;
}

export interface ApiKeyTable {
  id: Generated<number>;
  user_id: number;
  petition_id: number | null;
  name: string;
  can_write: number;
  key_hash: string;
  key_prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface PetitionMemberTable {
  petition_id: number;
  user_id: number;
  role: string;
  added_at: string;
  added_by: number | null;
}

export interface PetitionInvitationTable {
  id: Generated<number>;
  petition_id: number;
  email: string;
  role: string;
  locale: string;
  token_hash: string;
  invited_by: number | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: number | null;
  cancelled_at: string | null;
}

export interface KioskLinkTable {
  id: Generated<number>;
  petition_id: number;
  label: string;
  token_salt: string;
  token_hash: string;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface WebhookEndpointTable {
  id: Generated<number>;
  petition_id: number;
  url: string;
  description: string;
  events: string;
  secret: string;
  created_by: number | null;
  created_at: string;
  failing_since: string | null;
  last_success_at: string | null;
  disabled_at: string | null;
  disabled_reason: string | null;
  kind: Generated<string>;
  token: string | null;
  tags: string | null;
}

export interface WebhookDeliveryTable {
  id: Generated<number>;
  endpoint_id: number;
  petition_id: number;
  event_type: string;
  subject_id: number | null;
  data: string;
  occurred_at: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  locked_by: string | null;
  locked_until: string | null;
  response_status: number | null;
  last_error: string | null;
  delivered_at: string | null;
}

export interface SignInTokenTable {
  id: Generated<number>;
  email: string;
  token_hash: string;
  locale: string;
  next_path: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SessionTable {
  id_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface PetitionRevisionTable {
  id: Generated<number>;
  petition_id: number;
  user_id: number | null;
  created_at: string;
  snapshot: string;
}

export interface PetitionUpdateTable {
  id: Generated<number>;
  petition_id: number;
  author_id: number | null;
  created_at: string;
  email_signers: Generated<number>;
  fanout_after_id: Generated<number>;
  fanout_done_at: string | null;
  /** How many signers the fan-out queued it for (kept here: the outbox rows are purged later). */
  emailed_count: Generated<number>;
}

export interface PetitionUpdateTextTable {
  update_id: number;
  locale: string;
  title: string;
  body: string;
  /** The body's HTML, rendered when it was saved. */
  body_html: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  petition_id: number | null;
  details: string;
  created_at: string;
}

export interface DeliveryTable {
  id: Generated<number>;
  petition_id: number;
  delivered_on: string;
  recipients: string;
  location: string;
  notes: string;
  recorded_by: number | null;
  update_id: number | null;
  created_at: string;
}

export interface DeliveryPhotoTable {
  delivery_id: number;
  content_type: string;
  bytes: Uint8Array;
}

export interface PetitionPictureTable {
  petition_id: number;
  version: string;
  width: number;
  height: number;
  focus_x: number;
  focus_y: number;
  alt_texts: string;
  created_at: string;
  created_by: number | null;
  hidden_at: string | null;
  hidden_by: number | null;
}

export interface PetitionPictureFileTable {
  petition_id: number;
  format: string;
  width: number;
  height: number;
  bytes: Uint8Array;
}

export interface ShareMessageTable {
  id: Generated<number>;
  petition_id: number;
  locale: string;
  body: string;
  created_at: string;
  created_by: number | null;
  removed_at: string | null;
}

export interface ShareMessageShareTable {
  message_id: number;
  network: string;
  shares: number;
}

export interface ModerationReasonTable {
  id: Generated<number>;
  code: string;
  position: number;
  active: Generated<number>;
  needs_text: Generated<number>;
}

/** A moderation reason's label in one language (migration 0010). */
export interface ModerationReasonLabelTable {
  id: Generated<number>;
  reason_id: number;
  locale: string;
  label: string;
}

export interface ReportTable {
  id: Generated<number>;
  petition_id: number;
  signature_id: number | null;
  reason: string;
  details: string;
  locale: string;
  reporter_hash: string | null;
  created_at: string;
  resolved_at: string | null;
  resolved_by: number | null;
  resolution: string | null;
  response_id: number | null;
}

export interface InstanceSettingTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: number | null;
}

export interface RateLimitHitTable {
  bucket: string;
  window_index: number;
  hits: number;
}

export interface BlockedEntryTable {
  id: Generated<number>;
  kind: string;
  value: string;
  note: string;
  created_by: number | null;
  created_at: string;
}

export interface InvalidationTable {
  id: Generated<number>;
  petition_id: number;
  criteria: string;
  reason: string;
  state: string;
  matched: Generated<number>;
  processed: Generated<number>;
  after_id: Generated<number>;
  created_by: number | null;
  created_at: string;
  finished_at: string | null;
  reversed_at: string | null;
  reversed_by: number | null;
}

export interface TargetBodyTable {
  id: Generated<number>;
  slug: string;
  state: string;
  sample: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface TargetBodyNameTable {
  body_id: number;
  locale: string;
  name: string;
}

export interface TargetPersonTable {
  id: Generated<number>;
  body_id: number;
  source_id: string;
  name: string;
  party: string;
  chamber: string;
  district: string;
  email: string | null;
  phone: string | null;
  district_phone: string | null;
  address: string | null;
  image_url: string | null;
  links: string;
  seat_from: string;
  seat_until: string | null;
  updated_at: string;
}

export interface TargetBoundarySetTable {
  id: Generated<number>;
  body_id: number;
  chamber: string;
  version: number;
  source: string;
  imported_at: string;
}

export interface TargetDistrictTable {
  id: Generated<number>;
  set_id: number;
  district: string;
  ocd_id: string;
  geometry: string;
}

export interface TargetZipDistrictTable {
  body_id: number;
  zip: string;
  chamber: string;
  district: string;
  share: number;
}

export interface PetitionSeatTargetTable {
  petition_id: number;
  body_id: number;
  chamber: string;
}

export interface SignatureDistrictTable {
  signature_id: number;
  petition_id: number;
  body_id: number;
  chamber: string;
  method: string;
  district: string | null;
  candidates: string | null;
  updated_at: string;
}

/** One row: every signature up to `last_signature_id` has its `signature_districts` rows (SQLite). */
export interface SignatureDistrictFlushTable {
  id: number;
  last_signature_id: number;
}

export interface ResponseLinkTable {
  id: Generated<number>;
  petition_id: number;
  person_id: number;
  token_hash: string;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  quorum: number | null;
}

export interface TargetResponseTable {
  id: Generated<number>;
  petition_id: number;
  person_id: number;
  locale: string;
  body: string;
  entered_by: number | null;
  created_at: string;
  hidden_at: string | null;
  hidden_by: number | null;
  fanout_after_id: Generated<number>;
  fanout_done_at: string | null;
  emailed_count: Generated<number>;
}

export interface PetitionResponseOptionTable {
  petition_id: number;
  quorum: number | null;
  digests: Generated<number>;
  digest_milestone: Generated<number>;
  updated_at: string;
}

export interface LegislatorDigestTable {
  petition_id: number;
  person_id: number;
  after_signature_id: Generated<number>;
  last_sent_at: string | null;
  unsubscribed_at: string | null;
}

export interface Tables {
  petitions: PetitionTable;
  petition_translations: PetitionTranslationTable;
  petition_targets: PetitionTargetTable;
  petition_target_names: PetitionTargetNameTable;
  signatures: SignatureTable;
  petition_count_shards: PetitionCountShardTable;
  database_probe: DatabaseProbeTable;
  mail_outbox: MailOutboxTable;
  petition_milestones: PetitionMilestoneTable;
  users: UserTable;
  api_keys: ApiKeyTable;
  petition_members: PetitionMemberTable;
  petition_invitations: PetitionInvitationTable;
  kiosk_links: KioskLinkTable;
  webhook_endpoints: WebhookEndpointTable;
  webhook_deliveries: WebhookDeliveryTable;
  sign_in_tokens: SignInTokenTable;
  sessions: SessionTable;
  petition_revisions: PetitionRevisionTable;
  petition_updates: PetitionUpdateTable;
  petition_update_texts: PetitionUpdateTextTable;
  audit_log: AuditLogTable;
  deliveries: DeliveryTable;
  delivery_photos: DeliveryPhotoTable;
  petition_pictures: PetitionPictureTable;
  petition_picture_files: PetitionPictureFileTable;
  share_messages: ShareMessageTable;
  share_message_shares: ShareMessageShareTable;
  moderation_reasons: ModerationReasonTable;
  moderation_reason_labels: ModerationReasonLabelTable;
  reports: ReportTable;
  instance_settings: InstanceSettingTable;
  rate_limit_hits: RateLimitHitTable;
  blocked_entries: BlockedEntryTable;
  invalidations: InvalidationTable;
  target_bodies: TargetBodyTable;
  target_body_names: TargetBodyNameTable;
  target_people: TargetPersonTable;
  target_boundary_sets: TargetBoundarySetTable;
  target_districts: TargetDistrictTable;
  target_zip_districts: TargetZipDistrictTable;
  petition_seat_targets: PetitionSeatTargetTable;
  signature_districts: SignatureDistrictTable;
  signature_district_flush: SignatureDistrictFlushTable;
  response_links: ResponseLinkTable;
  target_responses: TargetResponseTable;
  petition_response_options: PetitionResponseOptionTable;
  legislator_digests: LegislatorDigestTable;
}
