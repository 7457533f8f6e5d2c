// The dashboard's signatures by district, per targeted chamber: a map of the districts shaded by count (an image,
// with every number also in the table below it), and the table of each district, who holds its seat and how many
// of their constituents signed, then the signatures no district could be given to.
import type { Translator } from '../../../platform/i18n/translator.js';
import type { ChamberTally } from '../../../targets/district-counts.js';
import { shadeOf, type DistrictMap } from '../../../dashboard/district-map.js';
import { TableScroll } from '../../views/table-scroll.js';

export interface ShownTally extends ChamberTally {
  /** The body's name in the reader's language. */
  bodyName: string;
  /** Undefined when the chamber has no boundaries loaded (the table still counts by ZIP). */
  map: DistrictMap | undefined;
}

const SHADES = ['#eeeae4', '#f3c9b8', '#e58f74', '#c9553c', '#8f2416'] as const;

function DistrictMapImage({ t, tally, map }: { t: Translator; tally: ShownTally; map: DistrictMap }) {
  const counts = new Map(tally.districts.map((d) => [d.district, d.count]));
  const largest = Math.max(0, ...counts.values());
  const id = `map-${tally.bodyId}-${tally.chamber}`;
  return (
    <figure class="district-map">
      <svg
        viewBox={`0 0 ${map.width} ${map.height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-title`}>
          {t.t('dashboard.districts.mapTitle', {
            chamber: t.t(`targets.chamber.${tally.chamber}`),
            body: tally.bodyName,
          })}
        </title>
        {map.shapes.map((shape) => {
          const count = counts.get(shape.district) ?? 0;
          return (
            <path
              d={shape.path}
              fill={SHADES[shadeOf(count, largest)]}
              stroke="#ffffff"
              stroke-width="0.75"
              fill-rule="evenodd"
            >
              <title>{t.t('dashboard.districts.shapeTitle', { district: shape.district, count })}</title>
            </path>
          );
        })}
      </svg>
      <figcaption>
        <ul class="map-legend">
          {SHADES.map((colour, shade) => (
            <li>
              <svg width="14" height="14" aria-hidden="true" viewBox="0 0 14 14">
                <rect width="14" height="14" fill={colour} stroke="#8a8580" stroke-width="1" />
              </svg>{' '}
              {shade === 0
                ? t.t('dashboard.districts.legendNone')
                : t.t('dashboard.districts.legendShare', {
                    from: shade === 1 ? 1 : (shade - 1) * 25 + 1,
                    to: shade * 25,
                  })}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** The signatures no district of the chamber could be given to, by reason: always in view, never folded away. */
function UnassignedLines({ t, tally }: { t: Translator; tally: ShownTally }) {
  if (tally.split.length === 0 && tally.unknown === 0) return null;
  return (
    <ul class="unassigned">
      {tally.split.map((s) => (
        <li>
          {t.t('dashboard.districts.split', { districts: t.list(s.candidates) })}: {t.number(s.count)}
        </li>
      ))}
      {tally.unknown > 0 ? (
        <li>
          {t.t('dashboard.districts.unknown')}: {t.number(tally.unknown)}
        </li>
      ) : null}
    </ul>
  );
}

export function DistrictTallies({
  t,
  tallies,
  petitionId,
}: {
  t: Translator;
  tallies: readonly ShownTally[];
  petitionId: number;
}) {
  if (tallies.length === 0) return null;
  return (
    <section aria-labelledby="by-district-heading" class="by-district">
      <h2 id="by-district-heading">{t.t('dashboard.districts.heading')}</h2>
      <p class="hint">{t.t('dashboard.districts.hint')}</p>
      <p>
        <a href={`/organize/${petitionId}/responses`}>{t.t('responses.dashboardLink')}</a>
      </p>
      {tallies.map((tally) => {
        const chamber = t.t(`targets.chamber.${tally.chamber}`);
        const assigned = tally.districts.reduce((sum, d) => sum + d.count, 0);
        return (
          <div class="chamber-tally">
            <h3>
              {t.t('dashboard.districts.chamber', { chamber, body: tally.bodyName })}{' '}
              {tally.sample ? <span class="badge">{t.t('targets.sampleBadge')}</span> : null}
            </h3>
            {tally.sample ? <p class="sample-note">{t.t('targets.sample')}</p> : null}
            {tally.map === undefined || tally.map.shapes.length === 0 ? null : (
              <DistrictMapImage t={t} tally={tally} map={tally.map} />
            )}
            <UnassignedLines t={t} tally={tally} />
            <details class="district-details">
              <summary>{t.t('dashboard.districts.table', { count: tally.districts.length })}</summary>
              <TableScroll label={t.t('dashboard.districts.caption', { chamber, count: assigned })}>
                <table class="data-table district-table">
                  <caption>{t.t('dashboard.districts.caption', { chamber, count: assigned })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.t('targets.col.district')}</th>
                      <th scope="col">{t.t('dashboard.districts.legislator')}</th>
                      <th scope="col" class="num">
                        {t.t('dashboard.signatures')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {tally.districts.map((d) => (
                      <tr>
                        <th scope="row">{d.district}</th>
                        <td>
                          {d.holders.length === 0
                            ? t.t('dashboard.districts.vacant')
                            : t.list(d.holders.map((h) => (h.party === '' ? h.name : `${h.name} (${h.party})`)))}
                        </td>
                        <td class="num">{t.number(d.count)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </details>
          </div>
        );
      })}
    </section>
  );
}
