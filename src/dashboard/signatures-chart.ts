// The geometry of the signatures-per-day bar chart: every day from the first to the last (quiet days
// as zero), bars scaled to a rounded maximum, in the SVG's own coordinates. Plain numbers, no drawing.
import type { DayCount } from './dashboard-store.js';

export const CHART = { width: 720, height: 260, left: 52, right: 8, top: 20, bottom: 40 } as const;

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
  labels: { day: string; x: number; anchor: 'start' | 'middle' | 'end' }[];
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
export function niceStep(n: number): number {
  if (n <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= n) return step * magnitude;
  return 10 * magnitude;
}

/** Gridlines at whole, round steps (about four of them); the top one is the chart's maximum. */
export function gridSteps(highest: number): { max: number; step: number } {
  const step = niceStep(Math.max(1, highest) / 4);
  return { step, max: Math.max(step, Math.ceil(highest / step) * step) };
}

export function chartGeometry(counts: DayCount[], maxLabels = 6): ChartGeometry {
  const days = fillDays(counts);
  const { max, step } = gridSteps(Math.max(0, ...days.map((d) => d.count)));
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const baseline = CHART.top + plotHeight;
  const slot = days.length === 0 ? plotWidth : plotWidth / days.length;
  const gap = slot > 6 ? Math.min(slot * 0.2, 8) : 0;
  const bars = days.map((d, i) => {
    const height = (d.count / max) * plotHeight;
    return {
      day: d.day,
      count: d.count,
      x: CHART.left + i * slot + gap / 2,
      y: baseline - height,
      width: Math.max(slot - gap, 0.5),
      height,
    };
  });
  const ticks: Tick[] = [];
  for (let value = 0; value <= max; value += step) ticks.push({ value, y: baseline - (value / max) * plotHeight });
  const every = Math.max(1, Math.ceil(days.length / maxLabels));
  const chosen = bars.filter((_, i) => i % every === 0 || i === bars.length - 1);
  // The last label would crowd the one before it: keep the last, drop its neighbour.
  if (chosen.length > 2 && (days.length - 1) % every !== 0 && (days.length - 1) % every < every / 2)
    chosen.splice(chosen.length - 2, 1);
  // The first and last labels line up with the chart's edges instead of running past them.
  const labels = chosen.map((b, i) => {
    if (chosen.length > 1 && i === 0) return { day: b.day, x: b.x, anchor: 'start' as const };
    if (chosen.length > 1 && i === chosen.length - 1) return { day: b.day, x: b.x + b.width, anchor: 'end' as const };
    return { day: b.day, x: b.x + b.width / 2, anchor: 'middle' as const };
  });
  return { days, bars, ticks, labels, max, baseline };
}
