import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastMilestone, nextGoal } from './milestones.js';

const LADDER = [
  10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000,
  2_500_000,
];

describe('milestones', () => {
  it('climb 10, 25, 50, 100, 250, 500, 1k, 2.5k, 5k, 10k, 25k, ...', () => {
    const reached = LADDER.map((m) => lastMilestone(m));
    expect(reached).toEqual(LADDER);
    expect(LADDER.slice(0, -1).map((m) => nextGoal(m))).toEqual(LADDER.slice(1));
  });

  it.each([
    [0, undefined, 10],
    [1, undefined, 10],
    [9, undefined, 10],
    [10, 10, 25],
    [24, 10, 25],
    [25, 25, 50],
    [99, 50, 100],
    [100, 100, 250],
    [120, 100, 250],
    [249, 100, 250],
    [250, 250, 500],
    [999, 500, 1_000],
    [1_000, 1_000, 2_500],
    [2_499, 1_000, 2_500],
    [2_500, 2_500, 5_000],
    [9_999, 5_000, 10_000],
    [10_000, 10_000, 25_000],
    [30_000, 25_000, 50_000],
    [1_234_567, 1_000_000, 2_500_000],
  ])('with %i signatures the last milestone is %s and the next goal %i', (count, last, next) => {
    expect(lastMilestone(count)).toBe(last);
    expect(nextGoal(count)).toBe(next);
  });

  it('the next goal is always above the count and the last milestone at or below it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (count) => {
        const last = lastMilestone(count);
        const next = nextGoal(count);
        expect(next).toBeGreaterThan(count);
        expect(Number.isInteger(next)).toBe(true);
        if (last === undefined) expect(count).toBeLessThan(10);
        else {
          expect(last).toBeLessThanOrEqual(count);
          // Nothing on the ladder lies strictly between the two.
          expect(nextGoal(last)).toBe(next);
        }
      }),
    );
  });
});
