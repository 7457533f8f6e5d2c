// One legislator's response as the petition page and the organizer show it: who, when, whether the organizer
// entered it on their behalf, and the text in the language it was written in (each line break kept).
import { languageOf } from '../../platform/i18n/languages.js';
import type { Translator } from '../../platform/i18n/translator.js';
import { isChamber } from '../../targets/directory.js';
import { recipientName } from '../../targets/recipients.js';
import type { StoredResponse } from '../../targets/responses-store.js';

export function ResponseText({ t, response }: { t: Translator; response: StoredResponse }) {
  const who = isChamber(response.chamber)
    ? recipientName(t, response.chamber, response.district, [response.name])
    : response.name;
  return (
    <>
      <p class="response-meta">
        <strong>{who}</strong> · <time datetime={response.createdAt}>{t.date(response.createdAt)}</time>
        {response.onBehalf ? <> · {t.t('responses.onBehalf')}</> : null}
      </p>
      <div class="response-body" lang={response.locale} dir={languageOf(response.locale).dir}>
        {response.body.split(/\n{2,}/).map((paragraph) => (
          <p>
            {paragraph.split('\n').map((line, i) => (
              <>
                {i > 0 ? <br /> : null}
                {line}
              </>
            ))}
          </p>
        ))}
      </div>
    </>
  );
}
