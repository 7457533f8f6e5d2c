// How a signer's name appears in public, as they chose: full, first name and initial, or not at all.
import type { NameDisplay } from './sign-form.js';

export function publicName(name: string, display: NameDisplay | string): string | undefined {
  if (display === 'full') return name;
  // Anything but the two shown choices hides the name: the safe side for a signer.
  if (display !== 'first_initial') return undefined;
  const words = name.trim().split(/\s+/u);
  const first = words[0] ?? '';
  const last = words.length > 1 ? words.at(-1) : undefined;
  const initial = last === undefined ? undefined : Array.from(last)[0];
  return initial === undefined ? first : `${first} ${initial.toLocaleUpperCase()}.`;
}
