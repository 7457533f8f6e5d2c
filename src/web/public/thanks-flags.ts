// What the thank-you page says besides thanks — check your email (confirm=1), you had already signed (already=1),
// the slower path was taken (check=1) — carried in its address from the sign form, and on to the addresses it leads
// to (its district form, its language switch, the embedded page's link to the full one).
export interface ThanksFlags {
  checkEmail: boolean;
  alreadySigned: boolean;
  slowerPath: boolean;
}

const NAMES = [
  ['checkEmail', 'confirm'],
  ['alreadySigned', 'already'],
  ['slowerPath', 'check'],
] as const;

/** The flags as `read` (a query, or a form's fields) gives them: each is on when its value is "1". */
export function readThanksFlags(read: (name: string) => string | undefined): ThanksFlags {
  return {
    checkEmail: read('confirm') === '1',
    alreadySigned: read('already') === '1',
    slowerPath: read('check') === '1',
  };
}

/** The flags that are on, as query parameters (in a stable order). */
export function thanksFlagsQuery(flags: ThanksFlags): URLSearchParams {
  const query = new URLSearchParams();
  for (const [flag, name] of NAMES) if (flags[flag]) query.set(name, '1');
  return query;
}
