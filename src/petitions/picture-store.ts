// The SQL of petition pictures: one per petition, its files in each width and format.
import type { Db } from '../platform/db/connect.js';
import type { PictureFile, PictureFormat } from './picture-processing.js';

export interface PictureRow {
  version: string;
  width: number;
  height: number;
  focusX: number;
  focusY: number;
  alts: Record<string, string>;
  createdAt: string;
  createdBy: number | null;
}

/** Puts a new picture in place of the petition's old one (its files go with it). */
export async function replacePicture(db: Db, petitionId: number, row: PictureRow, files: PictureFile[]): Promise<void> {
  await db.deleteFrom('petition_picture_files').where('petition_id', '=', petitionId).execute();
  await db.deleteFrom('petition_pictures').where('petition_id', '=', petitionId).execute();
  await db
    .insertInto('petition_pictures')
    .values({
      petition_id: petitionId,
      version: row.version,
      width: row.width,
      height: row.height,
      focus_x: row.focusX,
      focus_y: row.focusY,
      alt_texts: JSON.stringify(row.alts),
      created_at: row.createdAt,
      created_by: row.createdBy,
      hidden_at: null,
      hidden_by: null,
    })
    .execute();
  // One at a time: a large picture's six files in one statement would make one very large packet.
  for (const file of files)
    await db
      .insertInto('petition_picture_files')
      .values({
        petition_id: petitionId,
        format: file.format,
        width: file.width,
        height: file.height,
        bytes: Buffer.from(file.bytes),
      })
      .execute();
}

/** New alt texts and crop focus for the picture the petition has; false when it has none. */
export async function updatePictureDetails(
  db: Db,
  petitionId: number,
  details: { version: string; focusX: number; focusY: number; alts: Record<string, string> },
): Promise<boolean> {
  const result = await db
    .updateTable('petition_pictures')
    .set({
      version: details.version,
      focus_x: details.focusX,
      focus_y: details.focusY,
      alt_texts: JSON.stringify(details.alts),
    })
    .where('petition_id', '=', petitionId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deletePicture(db: Db, petitionId: number): Promise<boolean> {
  await db.deleteFrom('petition_picture_files').where('petition_id', '=', petitionId).execute();
  const result = await db.deleteFrom('petition_pictures').where('petition_id', '=', petitionId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Hides (at `at`) or shows again (null) the petition's picture; false when nothing changed. */
export async function setPictureHidden(
  db: Db,
  petitionId: number,
  at: string | null,
  by: number | null,
): Promise<boolean> {
  const result = await db
    .updateTable('petition_pictures')
    .set({ hidden_at: at, hidden_by: at === null ? null : by })
    .where('petition_id', '=', petitionId)
    .where('hidden_at', at === null ? 'is not' : 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The bytes of one of the picture's files, if `version` is still its picture's (an old address finds nothing). */
export async function readPictureFile(
  db: Db,
  petitionId: number,
  version: string,
  format: PictureFormat,
  width: number,
): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('petition_picture_files as f')
    .innerJoin('petition_pictures as p', 'p.petition_id', 'f.petition_id')
    .select('f.bytes')
    .where('f.petition_id', '=', petitionId)
    .where('p.version', '=', version)
    .where('f.format', '=', format)
    .where('f.width', '=', width)
    .executeTakeFirst();
  return row === undefined ? undefined : new Uint8Array(row.bytes);
}
