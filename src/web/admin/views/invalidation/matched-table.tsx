// Signatures an invalidation selects or took out, with their addresses masked.
import type { Translator } from '../../../../platform/i18n/translator.js';
import type { MatchedSignature } from '../../../../moderation/invalidation/invalidation-store.js';
import { TableScroll } from '../../../views/table-scroll.js';

export function MatchedTable({ t, rows, caption }: { t: Translator; rows: MatchedSignature[]; caption: string }) {
  return (
    <TableScroll label={caption}>
      <table class="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.t('invalidation.col.email')}</th>
            <th scope="col">{t.t('invalidation.col.zip')}</th>
            <th scope="col">{t.t('invalidation.col.status')}</th>
            <th scope="col">{t.t('invalidation.col.signed')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>{r.maskedEmail}</td>
              <td>{r.postalCode}</td>
              <td>
                {r.status === 'confirmed' ? t.t('invalidation.status.confirmed') : t.t('invalidation.status.pending')}
              </td>
              <td>{t.moment(r.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
