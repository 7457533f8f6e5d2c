// Setting, replacing, removing and hiding a petition's picture: each one transaction with its audit row, then
// the public pages forgotten so the next reader sees the change.
import { randomBytes } from 'node:crypto';
import { recordAudit } from '../platform/audit/audit-store.js';
import type { Db } from '../platform/db/connect.js';
import type { MessageKey } from '../platform/i18n/message-key.js';
import type { Params } from '../platform/i18n/translator.js';
import { MAX_IMAGE_PIXELS } from '../platform/images/image-format.js';
import { forgetPublicPages, type PublicCaches } from './petition-directory.js';
import type { Petition } from './petition.js';
import { MAX_PICTURE_BYTES, processPicture, type PictureRefusal } from './picture-processing.js';
import { deletePicture, replacePicture, setPictureHidden, updatePictureDetails } from './picture-store.js';

/** The longest alt text: a sentence or two, as screen readers read it in one go. */
export const MAX_ALT_LENGTH = 300;

/** The points an organizer can keep in view when the picture is cropped, by name: [from the left, from the top]. */
export const FOCUS_POINTS = {
  'top-left': [0, 0],
  top: [0.5, 0],
  'top-right': [1, 0],
  left: [0, 0.5],
  center: [0.5, 0.5],
  right: [1, 0.5],
  'bottom-left': [0, 1],
  bottom: [0.5, 1],
  'bottom-right': [1, 1],
} as const satisfies Record<string, readonly [number, number]>;
export type FocusName = keyof typeof FOCUS_POINTS;

export function isFocusName(value: string): value is FocusName {
  return Object.hasOwn(FOCUS_POINTS, value);
}

/** The named point nearest to a stored focus. */
export function focusName(x: number, y: number): FocusName {
  const names = Object.keys(FOCUS_POINTS) as FocusName[];
  const distance = (n: FocusName) => Math.hypot(FOCUS_POINTS[n][0] - x, FOCUS_POINTS[n][1] - y);
  return names.reduce((best, n) => (distance(n) < distance(best) ? n : best));
}

export interface PictureForm {
  /** The uploaded file's bytes; undefined when none was chosen (the alt texts or focus change alone). */
  file: Uint8Array | undefined;
  alts: Record<string, string>;
  focus: string;
}

export type PictureErrors = Record<string, { key: MessageKey; params?: Params }>;

export type PictureOutcome = { kind: 'saved' } | { kind: 'invalid'; errors: PictureErrors };

const REFUSALS: Record<PictureRefusal, PictureErrors[string]> = {
  'too-large': { key: 'picture.error.size', params: { megabytes: MAX_PICTURE_BYTES / 1024 / 1024 } },
  'not-an-image': { key: 'picture.error.type' },
  'too-many-pixels': { key: 'picture.error.pixels', params: { megapixels: MAX_IMAGE_PIXELS / 1_000_000 } },
  unreadable: { key: 'picture.error.unreadable' },
};

export interface PictureDeps extends PublicCaches {
  db: Db;
  now: () => Date;
}

/** The field that holds a language's alt text in the form. */
export const altField = (locale: string) => `alt_${locale}`;

const newVersion = () => randomBytes(9).toString('base64url');

export async function savePicture(
  deps: PictureDeps,
  petition: Petition,
  form: PictureForm,
  actorId: number,
): Promise<PictureOutcome> {
  const errors: PictureErrors = {};
  const alts: Record<string, string> = {};
  for (const locale of petition.locales) {
    const alt = (form.alts[locale] ?? '').replace(/\s+/gu, ' ').trim();
    if (alt === '') errors[altField(locale)] = { key: 'picture.error.alt' };
    else if ([...alt].length > MAX_ALT_LENGTH)
      errors[altField(locale)] = { key: 'picture.error.altLength', params: { max: MAX_ALT_LENGTH } };
    alts[locale] = alt;
  }
  if (!isFocusName(form.focus)) errors['focus'] = { key: 'picture.error.focus' };
  const file = form.file !== undefined && form.file.length > 0 ? form.file : undefined;
  if (file === undefined && petition.picture === null) errors['picture'] = { key: 'picture.error.missing' };
  // The file is read only when the rest is right: a form sent back for its alt text costs no decoding.
  const processed = file !== undefined && Object.keys(errors).length === 0 ? await processPicture(file) : undefined;
  if (processed !== undefined && !processed.ok) errors['picture'] = REFUSALS[processed.reason];
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };

  const [focusX, focusY] = FOCUS_POINTS[form.focus as FocusName];
  const now = deps.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (processed?.ok === true) {
      const row = { version: newVersion(), width: processed.width, height: processed.height, focusX, focusY, alts };
      await replacePicture(trx, petition.id, { ...row, createdAt: now, createdBy: actorId }, processed.files);
    } else {
      const current = petition.picture;
      const moved = current === null || current.focusX !== focusX || current.focusY !== focusY;
      const version = moved || current === null ? newVersion() : current.version;
      await updatePictureDetails(trx, petition.id, { version, focusX, focusY, alts });
    }
    await recordAudit(trx, {
      actorId,
      action: processed?.ok === true ? 'picture.set' : 'picture.edit',
      petitionId: petition.id,
      details: {
        focus: form.focus,
        ...(processed?.ok === true ? { width: processed.width, height: processed.height } : {}),
      },
      now: deps.now(),
    });
  });
  forgetPublicPages(deps);
  return { kind: 'saved' };
}

export async function removePicture(deps: PictureDeps, petition: Petition, actorId: number): Promise<boolean> {
  const removed = await deps.db.transaction().execute(async (trx) => {
    const done = await deletePicture(trx, petition.id);
    if (done)
      await recordAudit(trx, {
        actorId,
        action: 'picture.remove',
        petitionId: petition.id,
        details: {},
        now: deps.now(),
      });
    return done;
  });
  forgetPublicPages(deps);
  return removed;
}

/** A moderator hides the picture from public view (the petition stays up), or shows it again. */
export async function moderatePicture(
  deps: PictureDeps,
  petition: Petition,
  hide: boolean,
  actorId: number,
): Promise<boolean> {
  const changed = await deps.db.transaction().execute(async (trx) => {
    const done = await setPictureHidden(trx, petition.id, hide ? deps.now().toISOString() : null, actorId);
    if (done)
      await recordAudit(trx, {
        actorId,
        action: hide ? 'picture.hide' : 'picture.show',
        petitionId: petition.id,
        details: {},
        now: deps.now(),
      });
    return done;
  });
  forgetPublicPages(deps);
  return changed;
}
