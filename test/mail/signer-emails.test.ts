import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expiredBefore } from '../../src/signing/purge-unconfirmed-job.js';
import { notifyMilestones } from '../../src/milestones/notify-milestones.js';
import { purgeUnconfirmedBefore } from '../../src/signing/signer-link-store.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition, makeSignature } from '../support/factories.js';
import { openAndPress } from '../support/signer-link-button.js';
import { linkIn, type ReceivedMail } from '../support/smtp-sink.js';
import { openMailroom, type Mailroom } from '../support/mailroom.js';
import { postForm, validSignature, useTestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('emails to signers on $name', (engine) => {
  const t = useTestApp(engine);
  let mailroom: Mailroom;
  let slug: string;
  let petitionId: number;

  const counts = async () => {
    t.advance(1500); // past the one-second response cache
    const json = (await (await t.app.request(`/p/${slug}.json`)).json()) as {
      signature_count: number;
      pending_count: number;
    };
    return { confirmed: json.signature_count, pending: json.pending_count };
  };
  /** Follows a link from an email the way a browser (or a mail scanner) does: a plain GET with no Origin. */
  const open = (link: string, init: RequestInit = {}) => t.app.request(new URL(link).pathname, init);
  /** What a person does: opens the link, then presses the button on the page. */
  const press = (link: string) => openAndPress(t, link);
  const statusOfRosa = async () =>
    (
      await t.deps.db
        .selectFrom('signatures')
        .select('status')
        .where('email', '=', 'rosa@example.org')
        .executeTakeFirst()
    )?.status;
  const deliver = async (count: number, filter?: (m: ReceivedMail) => boolean) => {
    await mailroom.worker.drainAll();
    return mailroom.sink.waitFor(count, filter);
  };

  beforeEach(async () => {
    mailroom = await openMailroom(t, { maxAttempts: 5 });
    ({ slug, id: petitionId } = await makePetition(t.deps.db, {
      requiresVerification: true,
      organizer: { name: 'Ana', email: 'organizer@example.org' },
    }));
  });
  afterEach(async () => {
    await mailroom?.close();
  });

  it('a signer confirms in Spanish from the emailed link, and only then is counted', async () => {
    const res = await postForm(
      t,
      `/es/p/${slug}/sign`,
      validSignature({ name: 'Rosa Martínez', email: 'rosa@example.org' }),
    );
    expect(res.headers.get('location')).toBe(`/es/p/${slug}/thanks?confirm=1`);
    expect(await counts()).toEqual({ confirmed: 0, pending: 1 });

    const [mail] = await deliver(1);
    expect(mail?.to).toBe('rosa@example.org');
    expect(mail?.subject).toBe('Confirma tu firma: Arreglen la parada');
    expect(mail?.text).not.toContain('Rosa');
    expect(mail?.text).toContain('Este enlace funciona durante 14 días.');
    expect(mail?.html).toContain(copy('es', 'mail.confirm.action'));
    expect(mail?.parsed.headers.get('content-language')).toBe('es');

    // Opening the link asks, in the signer's language, with one button; it confirms nothing yet.
    const link = linkIn(mail as ReceivedMail, '/confirm');
    const ask = await open(link);
    expect(ask.status).toBe(200);
    const askHtml = await ask.text();
    expect(askHtml).toContain('<html lang="es"');
    expect(askHtml).toContain('<h1>Confirma tu firma</h1>');
    expect(askHtml).toContain('Tu firma en «Arreglen la parada» contará cuando pulses el botón');
    expect(askHtml).toContain(`<form method="post" action="${new URL(link).pathname}">`);
    expect(askHtml).toContain('Confirmar mi firma</button>');
    expect(await counts()).toEqual({ confirmed: 0, pending: 1 });
    expect(await statusOfRosa()).toBe('pending');

    const confirmed = await press(link);
    expect(confirmed.status).toBe(200);
    const html = await confirmed.text();
    expect(html).toContain('<html lang="es"');
    expect(html).toContain(copy('es', 'confirm.title'));
    expect(html).toContain('Arreglen la parada');
    expect(await counts()).toEqual({ confirmed: 1, pending: 0 });
    expect(await statusOfRosa()).toBe('confirmed');
  });

  it('a signer confirms in English', async () => {
    await postForm(t, `/en/p/${slug}/sign`, validSignature({ email: 'sam@example.org', name: 'Sam Lee' }));
    const [mail] = await deliver(1);
    expect(mail?.subject).toBe('Please confirm your signature: Fix the bus shelter');
    // The name the form was filled in with is not in the mail (anyone can type any name for any address).
    expect(mail?.text).not.toContain('Sam Lee');
    const ask = await (await open(linkIn(mail as ReceivedMail, '/confirm'))).text();
    expect(ask).toContain('<h1>Confirm your signature</h1>');
    expect(ask).toContain('Confirm my signature</button>');
    expect(await counts()).toEqual({ confirmed: 0, pending: 1 });
    const page = await (await press(linkIn(mail as ReceivedMail, '/confirm'))).text();
    expect(page).toContain(copy('en', 'confirm.title'));
    expect(await counts()).toEqual({ confirmed: 1, pending: 0 });
  });

  it('a mail scanner or link previewer opening the link confirms nothing, however often; the button does, and a double click counts once', async () => {
    await postForm(t, `/en/p/${slug}/sign`, validSignature());
    const link = linkIn((await deliver(1))[0] as ReceivedMail, '/confirm');
    for (const agent of ['SafeLinks scanner', 'Slackbot-LinkExpanding 1.0', 'Mozilla/5.0']) {
      const scanner = await open(link, { headers: { 'User-Agent': agent } });
      expect(scanner.status).toBe(200);
      expect(await scanner.text()).toContain(copy('en', 'confirm.ask.title'));
      expect((await open(link, { method: 'HEAD' })).status).toBe(200);
    }
    expect(await counts()).toEqual({ confirmed: 0, pending: 1 });
    expect(await statusOfRosa()).toBe('pending');
    const path = new URL(link).pathname;
    const pages = await Promise.all([postForm(t, path, {}), postForm(t, path, {})]);
    const titles: (string | undefined)[] = [];
    for (const res of pages) {
      expect(res.status).toBe(200);
      titles.push(/<h1>([^<]+)<\/h1>/.exec(await res.text())?.[1]);
    }
    expect(titles.sort()).toEqual([copy('en', 'confirm.already.title'), copy('en', 'confirm.title')]);
    expect(await counts()).toEqual({ confirmed: 1, pending: 0 });
    // Opened again afterwards, the link says so and offers no button.
    const later = await (await open(link)).text();
    expect(later).toContain(copy('en', 'confirm.already.title'));
    expect(later).not.toContain('<form method="post"');
  });

  it('an expired link says so, and the unconfirmed signature is purged without touching confirmed counts', async () => {
    await makeSignature(t.deps.db, petitionId); // confirmed earlier
    await postForm(t, `/en/p/${slug}/sign`, validSignature());
    const link = linkIn(
      (await deliver(1, (m) => m.subject.startsWith('Please confirm')))[0] as ReceivedMail,
      '/confirm',
    );
    t.advance(15 * 24 * 3600_000);
    const res = await open(link);
    expect(res.status).toBe(410);
    const expired = await res.text();
    expect(expired).toContain(copy('en', 'confirm.expired.title'));
    expect(expired).not.toContain('<form method="post"');
    const pressed = await postForm(t, new URL(link).pathname, {});
    expect(pressed.status).toBe(410);
    expect(await pressed.text()).toContain(copy('en', 'confirm.expired.title'));
    expect(await counts()).toEqual({ confirmed: 1, pending: 1 });
    expect(await purgeUnconfirmedBefore(t.deps.db, expiredBefore(t.deps.now(), 14))).toBe(1);
    expect(await counts()).toEqual({ confirmed: 1, pending: 0 });
    expect((await open(link)).status).toBe(404);
    expect((await postForm(t, new URL(link).pathname, {})).status).toBe(404);
  });

  it('signing again while pending re-sends the confirmation, at most three emails, with the same page as a new signer', async () => {
    const pages = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await postForm(
        t,
        `/en/p/${slug}/sign`,
        validSignature({ email: i % 2 === 0 ? 'rosa@example.org' : ' ROSA@example.org' }),
      );
      pages.push(res.headers.get('location'));
    }
    expect(new Set(pages)).toEqual(new Set([`/en/p/${slug}/thanks?confirm=1`]));
    await mailroom.worker.drainAll();
    await mailroom.sink.waitFor(3);
    t.advance(60_000);
    await mailroom.worker.drainAll();
    expect(mailroom.sink.received).toHaveLength(3);
    // Every copy carries the same working link.
    expect(new Set(mailroom.sink.received.map((m) => linkIn(m, '/confirm'))).size).toBe(1);
    expect(await counts()).toEqual({ confirmed: 0, pending: 1 });
  });

  it('a stranger re-using a confirmed signer’s address sees the same page as a new signer; the owner is told by email', async () => {
    await postForm(t, `/en/p/${slug}/sign`, validSignature());
    await press(linkIn((await deliver(1))[0] as ReceivedMail, '/confirm'));
    const stranger = await postForm(t, `/en/p/${slug}/sign`, validSignature({ name: 'Someone Else' }));
    expect(stranger.headers.get('location')).toBe(`/en/p/${slug}/thanks?confirm=1`);
    const [note] = await deliver(1, (m) => m.subject.startsWith('You have already signed'));
    expect(note?.to).toBe('rosa@example.org');
    expect(await counts()).toEqual({ confirmed: 1, pending: 0 });
  });

  it('withdrawing from the email removes the signature from the count and says it is done', async () => {
    await postForm(t, `/es/p/${slug}/sign`, validSignature());
    const mail = (await deliver(1))[0] as ReceivedMail;
    await press(linkIn(mail, '/confirm'));
    expect(await counts()).toEqual({ confirmed: 1, pending: 0 });
    const withdraw = linkIn(mail, '/withdraw');
    // Opening the link (or a scanner doing so) only asks.
    const ask = await open(withdraw);
    expect(await ask.text()).toContain('¿Quieres retirar tu firma de «Arreglen la parada»?');
    expect(await counts()).toEqual({ confirmed: 1, pending: 0 });
    const done = await postForm(t, new URL(withdraw).pathname, {});
    expect(done.status).toBe(200);
    expect(await done.text()).toContain(copy('es', 'withdraw.done.title'));
    expect(await counts()).toEqual({ confirmed: 0, pending: 0 });
    expect(await t.deps.db.selectFrom('signatures').select('id').execute()).toEqual([]);
    expect((await open(withdraw)).status).toBe(404);
  });

  it('a mail client’s one-click unsubscribe POST (RFC 8058) works without coming from the site, and stops milestone mail', async () => {
    await t.deps.db.updateTable('petitions').set({ milestone_emails_to_signers: 1 }).execute();
    await postForm(t, `/en/p/${slug}/sign`, validSignature({ opt_in: 'yes' }));
    const mail = (await deliver(1))[0] as ReceivedMail;
    await press(linkIn(mail, '/confirm'));
    expect(mail.parsed.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    const header = mail.parsed.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
    const url = /<(https?:[^>]+)>/.exec(header)?.[1] ?? '';
    expect(url).toBe(linkIn(mail, '/unsubscribe'));
    const res = await t.app.request(new URL(url).pathname, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    const row = await t.deps.db
      .selectFrom('signatures')
      .select(['opt_in', 'unsubscribed_at'])
      .executeTakeFirstOrThrow();
    expect(row.opt_in).toBe(0);
    expect(row.unsubscribed_at).not.toBeNull();
    // Nine more signatures reach the first milestone (10): the organizer hears, the unsubscribed signer does not.
    for (let i = 0; i < 9; i += 1) await makeSignature(t.deps.db, petitionId, { optIn: true });
    await notifyMilestones(t.deps.db, t.deps.now());
    await mailroom.worker.drainAll();
    const milestoneMail = await mailroom.sink.waitFor(10, (m) => m.subject.includes('reached 10'));
    expect(milestoneMail.map((m) => m.to)).not.toContain('rosa@example.org');
    expect(milestoneMail.map((m) => m.to)).toContain('organizer@example.org');
  });

  it('where verification is off, the signature counts at once and the signer gets a thank-you email', async () => {
    const open2 = await makePetition(t.deps.db, { requiresVerification: false });
    const res = await postForm(t, `/es/p/${open2.slug}/sign`, validSignature());
    expect(res.headers.get('location')).toBe(`/es/p/${open2.slug}/thanks`);
    const [mail] = await deliver(1);
    expect(mail?.subject).toBe('Gracias por firmar: Arreglen la parada');
    expect(mail?.text).toContain(copy('es', 'mail.footer.unsubscribe'));
    expect(mail?.text).toContain(copy('es', 'mail.footer.withdraw'));
  });

  it('words a stranger types as the name reach no one: the confirmation, thank-you and already-signed mail carry no name', async () => {
    const bait = 'URGENT account locked, verify at https://evil.example/login now';
    const open2 = await makePetition(t.deps.db, { requiresVerification: false });
    await postForm(t, `/en/p/${slug}/sign`, validSignature({ email: 'victim@example.org', name: bait }));
    await postForm(t, `/en/p/${open2.slug}/sign`, validSignature({ email: 'victim2@example.org', name: bait }));
    // Signing again with the same address sends the owner a note: the second name reaches no one either.
    await postForm(
      t,
      `/en/p/${open2.slug}/sign`,
      validSignature({ email: 'victim2@example.org', name: `Second ${bait}` }),
    );
    const mails = await deliver(3);
    expect(mails.map((m) => m.subject).sort()).toEqual(
      [
        'Please confirm your signature: Fix the bus shelter',
        'Thank you for signing: Fix the bus shelter',
        'You have already signed: Fix the bus shelter',
      ].sort(),
    );
    for (const mail of mails) {
      expect(mail.text).not.toContain('evil.example');
      expect(mail.html).not.toContain('evil.example');
      expect(mail.text).not.toContain('URGENT');
    }
  });

  it('forged, truncated and malformed tokens find nothing', async () => {
    await postForm(t, `/en/p/${slug}/sign`, validSignature());
    const link = linkIn((await deliver(1))[0] as ReceivedMail, '/confirm');
    const token = new URL(link).pathname.split('/')[3] ?? '';
    const forged = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const path of [
      `/en/s/${forged}/confirm`,
      `/en/s/${token.slice(0, 20)}/confirm`,
      `/en/s/'%20OR%201=1--/confirm`,
      `/en/s/${forged}/withdraw`,
    ]) {
      const res = await t.app.request(path);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain(copy('en', 'link.invalid.title'));
      const post = await postForm(t, path, {});
      expect(post.status, `POST ${path}`).toBe(404);
      expect(await post.text()).toContain(copy('en', 'link.invalid.title'));
    }
    expect(await counts()).toEqual({ confirmed: 0, pending: 1 });
  });
});
