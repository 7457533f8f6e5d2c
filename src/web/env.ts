// The typed per-request values every route can read from `c.var`.
import type { Logger } from 'pino';
import type { User } from '../accounts/user.js';
import type { Locale, Translator } from '../platform/i18n/translator.js';

export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    locale: Locale;
    t: Translator;
    /** True when the URL itself names the language (/es/...), false when it was negotiated. */
    localeFromPath: boolean;
    /** The signed-in person, or null. */
    user: User | null;
    /** Set once a body limit has applied to the request: later, more general limits leave it alone. */
    bodyLimited: true | undefined;
  };
}
