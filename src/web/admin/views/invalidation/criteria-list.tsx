// What an invalidation selects, in words: on its progress page and in the list of invalidations.
import type { Translator } from '../../../../platform/i18n/translator.js';
import type { InvalidationCriteria } from '../../../../moderation/invalidation/invalidation-criteria.js';

/** "network #a1b2c3": enough of a network's hash to tell groups apart on screen. */
export function networkLabel(t: Translator, hash: string): string {
  return t.t('trending.network', { label: hash.slice(0, 6) });
}

export function CriteriaList({ t, criteria }: { t: Translator; criteria: InvalidationCriteria }) {
  const c = criteria;
  const erased = new Set(c.erased ?? []);
  const items: [string, string][] = [];
  if (c.emailPattern !== null) items.push([t.t('invalidation.field.emailPattern'), c.emailPattern]);
  else if (erased.has('emailPattern')) items.push([t.t('invalidation.field.emailPattern'), t.t('invalidation.erased')]);
  if (c.domain !== null) items.push([t.t('invalidation.field.domain'), c.domain]);
  if (c.network !== null) items.push([t.t('invalidation.field.network'), networkLabel(t, c.network)]);
  else if (erased.has('network')) items.push([t.t('invalidation.field.network'), t.t('invalidation.erased')]);
  if (c.address !== null)
    items.push([t.t('invalidation.field.address'), c.address.range ?? t.t('invalidation.oneAddress')]);
  else if (erased.has('address')) items.push([t.t('invalidation.field.address'), t.t('invalidation.erased')]);
  if (c.zip !== null) items.push([t.t('invalidation.field.zip'), c.zip]);
  if (c.from !== null) items.push([t.t('invalidation.field.from'), t.moment(c.from)]);
  if (c.until !== null) items.push([t.t('invalidation.field.until'), t.moment(c.until)]);
  return (
    <dl class="criteria-list">
      {items.map(([term, value]) => (
        <>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}
