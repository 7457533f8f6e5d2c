// After signing: "check your email to confirm", or thanks (or "you had already signed"), and the share links.
import type { Locale, Translator } from '../../../platform/i18n/translator.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import { ShareLinks, type ShareLinksProps } from '../../views/share-links.js';
import { recipientName, recipientSentences, type Recipient } from '../../../targets/recipients.js';
import { DISTRICT_TICKET_QUERY } from '../../../signing/district-ticket.js';
import { choiceKey } from '../../../signing/settle-district.js';
import { StreetField } from './sign-form.js';
import { thanksFlagsQuery } from '../thanks-flags.js';

export interface ThanksPageProps {
  t: Translator;
  slug: string;
  title: string;
  petitionUrl: string;
  alreadySigned: boolean;
  /** The signature waits for its emailed confirmation link. */
  checkEmail: boolean;
  /** It waits because proof of work was on and the browser did not pass it (no JavaScript): say so. */
  slowerPath?: boolean;
  /** Where the signature goes (a petition to each signer's own legislators), with the sealed ticket it came in. */
  districts?: ThanksDistricts | undefined;
  /** The organizer's share message offered this time (in turn with the others in this language). */
  shareMessage?: ShareLinksProps['message'];
}

export interface ThanksDistricts {
  recipients: Recipient[];
  ticket: string;
  /** A geocoder is configured: a split ZIP can be decided by the street address. */
  askStreet: boolean;
  /** The address or choice just sent did not decide it. */
  unsettled?: boolean;
  /** The legislature is Firma's generated sample data: said so beside its names. */
  sample: boolean;
}

export function ThanksPage({
  t,
  slug,
  title,
  petitionUrl,
  alreadySigned,
  checkEmail,
  slowerPath = false,
  districts,
  shareMessage,
}: ThanksPageProps) {
  const flags = thanksFlagsQuery({ checkEmail, alreadySigned, slowerPath }).toString();
  const query = flags === '' ? '' : `?${flags}`;
  const heading = checkEmail ? t.t('thanks.checkEmail.title') : t.t('thanks.title');
  const message = checkEmail
    ? t.t('thanks.checkEmail.body', { title })
    : alreadySigned
      ? t.t('thanks.already', { title })
      : t.t('thanks.body', { title });
  return (
    <Layout
      t={t}
      title={heading}
      switchHref={(locale: Locale) => languageSwitchHref(locale, `/${locale}/p/${slug}/thanks${query}`)}
    >
      <section class="thanks">
        <h1>{heading}</h1>
        <p class="thanks-message">{message}</p>
        {checkEmail && slowerPath ? <p class="slower-path">{t.t('abuse.pow.slowerPath')}</p> : null}
        {districts === undefined ? null : <Recipients t={t} slug={slug} query={query} districts={districts} />}
        <p>{t.t('thanks.share')}</p>
        <ShareLinks t={t} url={petitionUrl} title={title} message={shareMessage} />
        <p>
          <a href={`/${t.locale}/p/${slug}`}>{t.t('thanks.back')}</a>
        </p>
      </section>
    </Layout>
  );
}

/** The field of the district a signer chooses for one chamber. */
export const choiceField = (r: Pick<Recipient, 'bodyId' | 'chamber'>) => `district_${choiceKey(r).replace('/', '_')}`;

/**
 * Who receives the signature and, where the ZIP could not decide, a form (no JavaScript needed) to add a street
 * address or choose the district. Optional: leaving it keeps the signature counted as "ZIP split".
 */
function Recipients({
  t,
  slug,
  query,
  districts,
}: {
  t: Translator;
  slug: string;
  query: string;
  districts: ThanksDistricts;
}) {
  const open = districts.recipients.filter((r) => r.method === 'split' || r.method === 'unknown');
  const splits = open.filter((r) => r.method === 'split');
  const flags = new URLSearchParams(query.replace(/^\?/, ''));
  return (
    <section class="recipients" aria-labelledby="recipients-heading">
      <h2 id="recipients-heading">
        {t.t('thanks.recipients.heading')}{' '}
        {districts.sample ? <span class="badge">{t.t('targets.sampleBadge')}</span> : null}
      </h2>
      {districts.sample ? <p class="sample-note">{t.t('targets.sample')}</p> : null}
      {recipientSentences(t, districts.recipients).map((sentence) => (
        <p>{sentence}</p>
      ))}
      {districts.unsettled === true ? (
        <p class="form-error" role="status">
          {t.t('thanks.recipients.unsettled')}
        </p>
      ) : null}
      {open.length === 0 || (splits.length === 0 && !districts.askStreet) ? null : (
        <form
          method="post"
          action={`/${t.locale}/p/${slug}/thanks/district`}
          accept-charset="utf-8"
          class="district-form"
        >
          <input type="hidden" name={DISTRICT_TICKET_QUERY} value={districts.ticket} />
          {[...flags].map(([name, value]) => (
            <input type="hidden" name={`flag_${name}`} value={value} />
          ))}
          <p>{t.t(districts.askStreet ? 'thanks.recipients.askStreet' : 'thanks.recipients.askChoice')}</p>
          {districts.askStreet ? <StreetField t={t} value="" errors={{}} /> : null}
          {splits.map((r) => (
            <fieldset class="choices">
              <legend>{t.t(`thanks.recipients.choose.${r.chamber}`)}</legend>
              {r.candidates.map((district, i) => (
                <div class="choice">
                  <input type="radio" name={choiceField(r)} id={`${choiceField(r)}-${i}`} value={district} />
                  <label for={`${choiceField(r)}-${i}`}>
                    {recipientName(t, r.chamber, district, r.candidateHolders[district] ?? [])}
                  </label>
                </div>
              ))}
              <div class="choice">
                <input type="radio" name={choiceField(r)} id={`${choiceField(r)}-unsure`} value="" checked />
                <label for={`${choiceField(r)}-unsure`}>{t.t('thanks.recipients.unsure')}</label>
              </div>
            </fieldset>
          ))}
          <button type="submit" class="button">
            {t.t('thanks.recipients.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
