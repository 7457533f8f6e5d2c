// The reasons moderators choose from when rejecting or hiding a petition; admins edit the list.
import type { Db } from '../platform/db/connect.js';
import type { Locale } from '../platform/i18n/translator.js';

/**
 * A reason's labels: English and Spanish, the two columns the table has (a reader in another language sees the
 * English label until the labels move to a table of their own, one row per language).
 */
export interface ReasonLabels {
  en: string;
  es: string;
}

export interface ModerationReason {
  id: number;
  code: string;
  labels: ReasonLabels;
  position: number;
  active: boolean;
  /** The moderator must write the reason out ('other'). */
  needsText: boolean;
}

/** Every reason, in the admins' order (inactive ones too: old decisions still name them). */
export async function listReasons(db: Db): Promise<ModerationReason[]> {
  const rows = await db.selectFrom('moderation_reasons').selectAll().orderBy('position').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    labels: { en: r.label_en, es: r.label_es },
    position: r.position,
    active: r.active === 1,
    needsText: r.needs_text === 1,
  }));
}

export async function findReason(db: Db, code: string): Promise<ModerationReason | undefined> {
  return (await listReasons(db)).find((r) => r.code === code);
}

/** A reason's label in `locale`; a code no longer in the list is shown as it was stored. */
export function reasonLabel(reasons: readonly ModerationReason[], code: string | null, locale: Locale): string {
  if (code === null) return '';
  const labels = reasons.find((r) => r.code === code)?.labels;
  if (labels === undefined) return code;
  return labelIn(labels, locale);
}

/** The label in `locale`, or in English. */
export function labelIn(labels: ReasonLabels, locale: Locale): string {
  return locale === 'es' ? labels.es : labels.en;
}

export interface ReasonValues {
  labels: ReasonLabels;
  position: number;
  active: boolean;
}

export async function addReason(db: Db, code: string, values: ReasonValues & { needsText: boolean }): Promise<number> {
  const { id } = await db
    .insertInto('moderation_reasons')
    .values({
      code,
      label_en: values.labels.en,
      label_es: values.labels.es,
      position: values.position,
      active: values.active ? 1 : 0,
      needs_text: values.needsText ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** False when there is no such reason. */
export async function updateReason(db: Db, id: number, values: ReasonValues): Promise<boolean> {
  const result = await db
    .updateTable('moderation_reasons')
    .set({
      label_en: values.labels.en,
      label_es: values.labels.es,
      position: values.position,
      active: values.active ? 1 : 0,
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
