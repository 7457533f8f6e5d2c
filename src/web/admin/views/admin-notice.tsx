// The status line and the error line at the top of an admin page.
import type { Translator } from '../../../platform/i18n/translator.js';

export function AdminNotice({
  notice,
  error,
}: {
  t: Translator;
  notice?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <>
      {notice === undefined ? null : (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {error === undefined ? null : (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
