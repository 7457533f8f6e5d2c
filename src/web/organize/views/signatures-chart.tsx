// Signatures per day as an inline SVG bar chart (no script), described for screen readers, with
// the same numbers in a table beside it.
import type { Translator } from '../../../platform/i18n/translator.js';
import type { DayCount } from '../../../dashboard/dashboard-store.js';
import { CHART, chartGeometry } from '../../../dashboard/signatures-chart.js';

export function SignaturesChart({ t, perDay }: { t: Translator; perDay: DayCount[] }) {
  const g = chartGeometry(perDay);
  const first = g.days[0];
  const last = g.days[g.days.length - 1];
  if (first === undefined || last === undefined) return <p>{t.t('dashboard.noSignatures')}</p>;
  const best = g.days.reduce((a, b) => (b.count > a.count ? b : a), first);
  // Right to left, time runs from right to left and the scale stands on the right: every x is mirrored.
  // (text-anchor needs no change: start and end follow the page's direction, which the SVG inherits.)
  const rtl = t.dir === 'rtl';
  const x = (at: number) => (rtl ? CHART.width - at : at);
  const desc = t.t('dashboard.chartDesc', {
    count: g.days.length,
    from: t.date(first.day),
    to: t.date(last.day),
    best: t.date(best.day),
    max: best.count,
  });
  return (
    <>
      <figure class="chart">
        <svg
          class="chart-svg"
          viewBox={`0 0 ${CHART.width} ${CHART.height}`}
          role="img"
          aria-labelledby="chart-title chart-desc"
          xmlns="http://www.w3.org/2000/svg"
        >
          <title id="chart-title">{t.t('dashboard.chartTitle')}</title>
          <desc id="chart-desc">{desc}</desc>
          <g class="chart-grid" aria-hidden="true">
            {g.ticks.map((tick) => (
              <>
                <line x1={x(CHART.left)} x2={x(CHART.width - CHART.right)} y1={tick.y} y2={tick.y} />
                <text x={x(CHART.left - 8)} y={tick.y} text-anchor="end" dominant-baseline="middle">
                  {t.number(tick.value)}
                </text>
              </>
            ))}
          </g>
          <g class="chart-bars" aria-hidden="true">
            {g.bars.map((bar) => (
              <rect
                x={(rtl ? CHART.width - bar.x - bar.width : bar.x).toFixed(2)}
                y={bar.y.toFixed(2)}
                width={bar.width.toFixed(2)}
                height={bar.height.toFixed(2)}
                rx={bar.width > 8 ? 2 : 0}
              >
                <title>{`${t.date(bar.day)}: ${t.t('home.signatures', { count: bar.count })}`}</title>
              </rect>
            ))}
          </g>
          <g class="chart-axis" aria-hidden="true">
            <line x1={x(CHART.left)} x2={x(CHART.width - CHART.right)} y1={g.baseline} y2={g.baseline} />
            {g.labels.map((label) => (
              <text x={x(label.x).toFixed(2)} y={g.baseline + 8} text-anchor={label.anchor} dominant-baseline="hanging">
                {t.shortDate(label.day)}
              </text>
            ))}
          </g>
        </svg>
      </figure>
      <details class="chart-table">
        <summary>{t.t('dashboard.chartTable')}</summary>
        <table>
          <caption>{t.t('dashboard.chartTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t.t('dashboard.day')}</th>
              <th scope="col" class="num">
                {t.t('dashboard.signatures')}
              </th>
            </tr>
          </thead>
          <tbody>
            {g.days.map((d) => (
              <tr>
                <th scope="row">
                  <time datetime={d.day}>{t.date(d.day)}</time>
                </th>
                <td class="num">{t.number(d.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
