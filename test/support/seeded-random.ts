// A small deterministic generator for fuzz tests: the same inputs on every run, so a failure can be replayed.

/** A function giving integers from 0 to n - 1, the same sequence for the same seed. */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}
