// The reasons moderators choose from when rejecting or hiding a petition, with a label in each language;
// admins edit the list.
import type { Db } from '../platform/db/connect.js';
import { defaultLocale, type Locale } from '../platform/i18n/languages.js';

/** A reason's label in each language it has one in. */
export type ReasonLabels = Partial<Record<Locale, string>>;

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
  const [rows, labels] = await Promise.all([
    db.selectFrom('moderation_reasons').selectAll().orderBy('position').orderBy('id').execute(),
    db.selectFrom('moderation_reason_labels').select(['reason_id', 'locale', 'label']).execute(),
  ]);
  const byReason = new Map<number, ReasonLabels>();
  for (const l of labels) byReason.set(l.reason_id, { ...byReason.get(l.reason_id), [l.locale]: l.label });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    labels: byReason.get(r.id) ?? {},
    position: r.position,
    active: r.active === 1,
    needsText: r.needs_text === 1,
  }));
}

export async function findReason(db: Db, code: string): Promise<ModerationReason | undefined> {
  return (await listReasons(db)).find((r) => r.code === code);
}

/** The label in `locale`, else in the site's default language, else in English, else the code. */
export function labelIn(labels: ReasonLabels, locale: Locale, code = ''): string {
  return labels[locale] ?? labels[defaultLocale()] ?? labels['en'] ?? Object.values(labels)[0] ?? code;
}

/** A reason's label in `locale`; a code no longer in the list is shown as it was stored. */
export function reasonLabel(reasons: readonly ModerationReason[], code: string | null, locale: Locale): string {
  if (code === null) return '';
  const labels = reasons.find((r) => r.code === code)?.labels;
  return labels === undefined ? code : labelIn(labels, locale, code);
}

export interface ReasonValues {
  labels: ReasonLabels;
  position: number;
  active: boolean;
}

/** Sets the labels given, one row per language (a language not given keeps its label). */
async function writeLabels(db: Db, reasonId: number, labels: ReasonLabels): Promise<void> {
  for (const [locale, label] of Object.entries(labels)) {
    if (label === undefined) continue;
    await db
      .deleteFrom('moderation_reason_labels')
      .where('reason_id', '=', reasonId)
      .where('locale', '=', locale)
      .execute();
    await db.insertInto('moderation_reason_labels').values({ reason_id: reasonId, locale, label }).execute();
  }
}

/** In the caller's transaction: the reason and its labels. */
export async function addReason(db: Db, code: string, values: ReasonValues & { needsText: boolean }): Promise<number> {
  const { id } = await db
    .insertInto('moderation_reasons')
    .values({
      code,
      position: values.position,
      active: values.active ? 1 : 0,
      needs_text: values.needsText ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeLabels(db, id, values.labels);
  return id;
}

/** In the caller's transaction. False when there is no such reason. */
export async function updateReason(db: Db, id: number, values: ReasonValues): Promise<boolean> {
  const result = await db
    .updateTable('moderation_reasons')
    .set({ position: values.position, active: values.active ? 1 : 0 })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await writeLabels(db, id, values.labels);
  return true;
}
