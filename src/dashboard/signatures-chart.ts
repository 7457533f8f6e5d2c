// The geometry of the signatures-per-day bar chart: every day from the first to the last (quiet days
// as zero), bars scaled to a rounded maximum, in the SVG's own coordinates. Plain numbers, no drawing.
import type { DayCount } from './dashboard-store.js';

export const CHART = { width: 720, height: 260, left: 48, right: 12, top: 12, bottom: 36 } as const;

export interface Bar {
  day: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Tick {
  value: number;
  y: number;
}

export interface ChartGeometry {
  days: DayCount[];
  bars: Bar[];
  ticks: Tick[];
  /** Days labelled under the axis (first, last and a few between), with their x centre. */
  labels: { day: string; x: number }[];
  max: number;
  baseline: number;
}

const DAY_MS = 24 * 3600 * 1000;

/** Every day from the first to the last, missing days with zero. */
export function fillDays(counts: DayCount[]): DayCount[] {
  const first = counts[0];
  const last = counts[counts.length - 1];
  if (first === undefined || last === undefined) return [];
  const byDay = new Map(counts.map((c) => [c.day, c.count]));
  const days: DayCount[] = [];
  for (let t = Date.parse(`${first.day}T00:00:00Z`); t <= Date.parse(`${last.day}T00:00:00Z`); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.push({ day, count: byDay.get(day) ?? 0 });
  }
  return days;
}

/** 1, 2, 5, 10, 20, 50 ...: the smallest such number at or above `n`. */
export function niceCeiling(n: number): number {
  if (n <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= n) return step * magnitude;
  return 10 * magnitude;
}

export function chartGeometry(counts: DayCount[], maxLabels = 6): ChartGeometry {
  const days = fillDays(counts);
  const max = niceCeiling(Math.max(0, ...days.map((d) => d.count)));
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const baseline = CHART.top + plotHeight;
  const slot = days.length === 0 ? plotWidth : plotWidth / days.length;
  const gap = slot > 6 ? Math.min(slot * 0.2, 8) : 0;
  const bars = days.map((d, i) => {
    const height = (d.count / max) * plotHeight;
    return { day: d.day, count: d.count, x: CHART.left + i * slot + gap / 2, y: baseline - height, width: Math.max(slot - gap, 0.5), height };
  });
  const ticks = [0, 0.5, 1].map((f) => ({ value: max * f, y: baseline - f * plotHeight })).filter((tick) => Number.isInteger(tick.value));
  const every = Math.max(1, Math.ceil(days.length / maxLabels));
  const labels = bars.filter((_, i) => i % every === 0 || i === bars.length - 1).map((b) => ({ day: b.day, x: b.x + b.width / 2 }));
  // The last label would crowd the one before it: keep the last, drop its neighbour.
  if (labels.length > 2 && (days.length - 1) % every !== 0 && (days.length - 1) % every < every / 2) labels.splice(labels.length - 2, 1);
  return { days, bars, ticks, labels, max, baseline };
}
