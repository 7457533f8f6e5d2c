// The organizer's exports (CSV, PDF packet), the delivery record, and the public delivery photo.
import { Readable, PassThrough } from 'node:stream';
import { Hono, type Context } from 'hono';
import { currentUser, managedPetition, notFound, type ManagedPetition } from '../middleware/require-user.js';
import type { Deps } from '../../deps.js';
import { isPublished, petitionUrl, targetName, textFor } from '../../petitions/petition.js';
import type { AppEnv } from '../env.js';
import { MAX_SHEETS, parseSheetRequest, sheetUrl } from '../../delivery/sheet-request.js';
import { recordAudit } from '../../platform/audit/audit-store.js';
import { renderStatusPage } from '../views/status-page.js';
import { csvReadableStream, exportFileName } from '../../delivery/csv-export.js';
import { listDeliveries } from '../../delivery/delivery-store.js';
import { filterErrors, filtersSchema, packetOptionsSchema, type ExportFilters } from '../../delivery/export-filters.js';
import { countSignaturesFor, recordExport, signaturePages, summarizeSignatures } from '../../delivery/export-store.js';
import {
  LIMITS,
  listOf,
  MAX_PHOTO_BYTES,
  recordDelivery,
  type DeliveryErrors,
} from '../../delivery/record-delivery.js';
import { DeliveryPage, type DeliveryFormValues } from './views/delivery-page.js';
import { ExportsPage, type ExportFormValues } from './views/exports-page.js';
import { packetArchive } from '../../delivery/packet-archive.js';
import type { Errors } from '../views/form-parts.js';
import type { MessageKey } from '../../platform/i18n/message-key.js';

const FORM_FIELDS = ['status', 'from', 'to', 'town', 'zip', 'source', 'paper', 'summary_only'] as const;

type Parsed =
  { ok: true; filters: ExportFilters; paper: 'letter' | 'a4'; summaryOnly: boolean } | { ok: false; errors: Errors };

function parseQuery(values: ExportFormValues): Parsed {
  const filters = filtersSchema.safeParse({
    status: values.status || undefined,
    from: values.from,
    to: values.to,
    town: values.town,
    zip: values.zip,
    source: values.source,
  });
  const options = packetOptionsSchema.safeParse({
    paper: values.paper || undefined,
    summaryOnly: values.summary_only === '1' || values.summary_only === 'on',
  });
  const errors: Errors = {};
  if (!filters.success)
    for (const [field, key] of Object.entries(filterErrors(filters.error))) errors[field] = { key: key as MessageKey }; // our schema's messages are catalog keys
  if (!options.success) errors['paper'] = { key: 'export.error.paper' };
  if (!filters.success || !options.success) return { ok: false, errors };
  return { ok: true, filters: filters.data, paper: options.data.paper, summaryOnly: options.data.summaryOnly };
}

function formValues(c: Context<AppEnv>): ExportFormValues {
  const values: ExportFormValues = {};
  for (const field of FORM_FIELDS) {
    const value = c.req.query(field);
    if (value !== undefined) values[field] = value.slice(0, 200);
  }
  return values;
}

/** A PDF streamed to the reader as it is written; a failure midway is logged and cuts the download short. */
function pdfDownload(
  c: Context<AppEnv>,
  fileName: string,
  failure: string,
  render: (out: PassThrough) => Promise<void>,
): Response {
  const out = new PassThrough();
  const log = c.var.log;
  render(out).catch((err: unknown) => {
    log.error({ err }, failure);
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    // Readable.toWeb gives a web ReadableStream; the cast only narrows its chunk type to bytes.
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    },
  });
}

export function deliveryRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  async function exportsPage(c: Context<AppEnv>, petition: ManagedPetition, values: ExportFormValues, parsed: Parsed) {
    const matching = parsed.ok ? await countSignaturesFor(deps.db, petition.id, parsed.filters) : undefined;
    const view = (
      <ExportsPage
        t={c.var.t}
        petitionId={petition.id}
        role={petition.role}
        slug={petition.slug}
        title={textFor(petition, c.var.locale).title}
        values={values}
        errors={parsed.ok ? {} : parsed.errors}
        matching={matching}
        perTarget={petition.seatTargets.length > 0}
        locales={petition.locales}
        maxSheets={MAX_SHEETS}
      />
    );
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await view.toString()}`, parsed.ok ? 200 : 422);
  }

  app.get('/:id/exports', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    const values = formValues(c);
    return exportsPage(c, petition, values, parseQuery(values));
  });

  app.get('/:id/export.csv', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    const values = formValues(c);
    const parsed = parseQuery(values);
    if (!parsed.ok) return exportsPage(c, petition, values, parsed);
    await recordExport(deps.db, {
      actorId: currentUser(c).id,
      action: 'export.csv',
      petitionId: petition.id,
      filters: parsed.filters,
      via: 'web',
      now: deps.now(),
    });
    return new Response(csvReadableStream(deps.db, petition, parsed.filters, deps.now()), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${exportFileName(petition.slug, deps.now(), 'csv')}"`,
        'Cache-Control': 'no-store',
      },
    });
  });

  app.get('/:id/packet.pdf', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    const values = formValues(c);
    const parsed = parseQuery(values);
    if (!parsed.ok) return exportsPage(c, petition, values, parsed);
    const { filters } = parsed;
    await recordExport(deps.db, {
      actorId: currentUser(c).id,
      action: 'export.pdf',
      petitionId: petition.id,
      filters,
      via: 'web',
      options: { paper: parsed.paper, summaryOnly: parsed.summaryOnly },
      now: deps.now(),
    });
    const summary = await summarizeSignatures(deps.db, petition.id, filters);
    // pdfkit, fontkit and the fonts cost a web process ~35 MB: loaded by the first packet, not at start.
    const { renderDeliveryPacket } = await import('../../delivery/delivery-packet.js');
    return pdfDownload(c, exportFileName(petition.slug, deps.now(), 'pdf'), 'delivery packet failed', (out) =>
      renderDeliveryPacket(
        {
          petition,
          summary,
          filters,
          petitionUrl: petitionUrl(deps.config.baseUrl, petition.defaultLocale, petition.slug),
          now: deps.now(),
          signatures: () => signaturePages(deps.db, petition.id, filters),
          comments: () => signaturePages(deps.db, petition.id, filters, { withCommentOnly: true }),
        },
        { paper: parsed.paper, summaryOnly: parsed.summaryOnly },
        out,
      ),
    );
  });

  app.get('/:id/sheets.pdf', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    const request = parseSheetRequest(petition, c.req.query());
    await recordAudit(deps.db, {
      actorId: currentUser(c).id,
      action: 'export.sheets',
      petitionId: petition.id,
      details: { locale: request.locale, sheets: request.sheets, first: request.firstSheet, via: 'web' },
      now: deps.now(),
    });
    // pdfkit and the fonts are loaded by the first PDF, not at start (as for the packet).
    const { renderSignatureSheets } = await import('../../delivery/signature-sheets.js');
    const fileName = `${petition.slug}-sheets-${request.locale}-${request.firstSheet}.pdf`;
    return pdfDownload(c, fileName, 'signature sheets failed', (out) =>
      renderSignatureSheets(
        { petition, ...request, petitionUrl: sheetUrl(deps.config.baseUrl, request.locale, petition.slug) },
        out,
      ),
    );
  });

  app.get('/:id/packets.zip', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined || petition.seatTargets.length === 0) return notFound(c);
    const values = formValues(c);
    const parsed = parseQuery(values);
    if (!parsed.ok) return exportsPage(c, petition, values, parsed);
    const { filters } = parsed;
    const options = { paper: parsed.paper, summaryOnly: parsed.summaryOnly };
    await recordExport(deps.db, {
      actorId: currentUser(c).id,
      action: 'export.pdf',
      petitionId: petition.id,
      filters,
      via: 'web',
      options: { ...options, perTarget: true },
      now: deps.now(),
    });
    // pdfkit, fontkit and the fonts cost a web process ~35 MB: loaded by the first packet, not at start.
    const { writePerTargetPackets } = await import('../../delivery/per-target-packets.js');
    const archive = packetArchive();
    const log = c.var.log;
    writePerTargetPackets(
      { db: deps.db, baseUrl: deps.config.baseUrl, now: deps.now },
      petition,
      filters,
      options,
      archive.open,
    )
      .then(() => archive.end())
      .catch((err: unknown) => {
        log.error({ err }, 'per-legislator packets failed');
        archive.fail(err instanceof Error ? err : new Error(String(err)));
      });
    return new Response(Readable.toWeb(archive.out) as ReadableStream<Uint8Array>, {
      // Readable.toWeb gives a web ReadableStream; the cast only narrows its chunk type to bytes.
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${exportFileName(petition.slug, deps.now(), 'zip')}"`,
        'Cache-Control': 'no-store',
      },
    });
  });

  async function deliveryPage(
    c: Context<AppEnv>,
    petition: ManagedPetition,
    values: DeliveryFormValues,
    errors: DeliveryErrors,
    status: 200 | 422,
  ) {
    const { t, locale } = c.var;
    const deliveries = await listDeliveries(deps.db, petition.id);
    const view = (
      <DeliveryPage
        t={t}
        petitionId={petition.id}
        role={petition.role}
        title={textFor(petition, locale).title}
        targets={petition.targets.map((target) => targetName(target, locale, petition.defaultLocale))}
        history={deliveries.map((d) => ({
          date: t.date(`${d.deliveredOn}T12:00:00Z`),
          recipients: listOf(
            d.recipients.map((r) => targetName(r, locale, petition.defaultLocale)),
            locale,
          ),
          location: d.location,
          photoHref: d.hasPhoto ? `/delivery-photos/${d.id}` : undefined,
        }))}
        values={values}
        errors={errors}
        recorded={c.req.query('recorded') === '1' && status === 200}
        notesMax={LIMITS.notes}
      />
    );
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await view.toString()}`, status);
  }

  app.get('/:id/delivery', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    if (!isPublished(petition)) return renderStatusPage(c, 200, 'organize.draftOnly.title', 'organize.draftOnly.body');
    return deliveryPage(c, petition, { delivered_on: deps.now().toISOString().slice(0, 10) }, {}, 200);
  });

  app.post('/:id/delivery', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    if (!isPublished(petition)) return renderStatusPage(c, 409, 'organize.draftOnly.title', 'organize.draftOnly.body');
    const body = await c.req.parseBody({ all: true });
    const text = (name: string) => {
      const v = body[name];
      return typeof v === 'string' ? v : '';
    };
    const raw = body['recipients'];
    const recipients = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (v): v is string => typeof v === 'string',
    );
    const file = body['photo'];
    const photo = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : undefined;
    const form = {
      delivered_on: text('delivered_on'),
      recipients,
      location: text('location'),
      notes: text('notes'),
      photo,
    };
    const outcome = await recordDelivery(deps, petition, form, currentUser(c).id);
    if (outcome.kind === 'draft')
      return renderStatusPage(c, 409, 'organize.draftOnly.title', 'organize.draftOnly.body');
    if (outcome.kind === 'invalid') {
      return deliveryPage(
        c,
        petition,
        { delivered_on: form.delivered_on, recipients, location: form.location, notes: form.notes },
        outcome.errors,
        422,
      );
    }
    return c.redirect(`/organize/${petition.id}/delivery?recorded=1`, 303);
  });

  return app;
}

export const MAX_DELIVERY_UPLOAD_BYTES = MAX_PHOTO_BYTES + 64 * 1024;
