// A signed-in person: an organizer (anyone with an account), a moderator or an admin.
export const ROLES = ['organizer', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  locale: string;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Addresses are compared lower-cased and trimmed (unlike signer emails, no provider aliases are folded). */
export function normalizeAccountEmail(email: string): string {
  return email.trim().toLowerCase();
}
