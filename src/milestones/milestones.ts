// The milestone ladder: 10, 25, 50, 100, 250, 500, 1k, 2.5k, 5k, 10k, ... forever.

const STEPS = [1, 2.5, 5] as const;

/** The n-th milestone, counting from 0 (10, 25, 50, 100, ...). */
function milestone(n: number): number {
  const step = STEPS[n % STEPS.length] ?? 1;
  return step * 10 ** (1 + Math.floor(n / STEPS.length));
}

/** The largest milestone at or below `count`, or undefined below the first one. */
export function lastMilestone(count: number): number | undefined {
  let reached: number | undefined;
  for (let n = 0; milestone(n) <= count; n += 1) reached = milestone(n);
  return reached;
}

/** The smallest milestone above `count`: the goal the page shows progress toward. */
export function nextGoal(count: number): number {
  let n = 0;
  while (milestone(n) <= count) n += 1;
  return milestone(n);
}
