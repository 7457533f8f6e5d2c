// Users and sign-in tokens: the only place that builds SQL for them (sessions live in session-store.ts).
import { isUniqueViolation, type Db } from '../platform/db/connect.js';
import { isRole, type Role, type User } from './user.js';

interface UserRow {
  id: number;
  email: string;
  name: string | null;
  role: string;
  locale: string;
}

function toUser(row: UserRow): User {
  // The role column is only ever written from ROLES; an unknown value is read as the least privileged one.
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: isRole(row.role) ? row.role : 'organizer',
    locale: row.locale,
  };
}

const USER_COLUMNS = ['id', 'email', 'name', 'role', 'locale'] as const;

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('email', '=', email).executeTakeFirst();
  return row === undefined ? undefined : toUser(row);
}

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toUser(row);
}

export interface NewUser {
  email: string;
  role: Role;
  locale: string;
  now: Date;
}

/** The account for `email`, made now if there is none (two first sign-ins at once make one account). */
export async function findOrCreateUser(db: Db, user: NewUser): Promise<{ user: User; created: boolean }> {
  const existing = await findUserByEmail(db, user.email);
  if (existing !== undefined) return { user: existing, created: false };
  try {
    const row = await db
      .insertInto('users')
      .values({
        email: user.email,
        name: null,
        role: user.role,
        locale: user.locale,
        created_at: user.now.toISOString(),
      })
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    return { user: toUser(row), created: true };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const raced = await findUserByEmail(db, user.email);
    if (raced === undefined) throw err;
    return { user: raced, created: false };
  }
}

export async function setUserRole(db: Db, id: number, role: Role): Promise<void> {
  await db.updateTable('users').set({ role }).where('id', '=', id).execute();
}

export async function setUserName(db: Db, id: number, name: string | null): Promise<void> {
  await db.updateTable('users').set({ name }).where('id', '=', id).execute();
}

export async function recordSignIn(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable('users').set({ last_sign_in_at: now.toISOString() }).where('id', '=', id).execute();
}

export interface NewSignInToken {
  email: string;
  tokenHash: string;
  locale: string;
  nextPath: string;
  createdAt: Date;
  expiresAt: Date;
}

export async function insertSignInToken(db: Db, token: NewSignInToken): Promise<number> {
  const { id } = await db
    .insertInto('sign_in_tokens')
    .values({
      email: token.email,
      token_hash: token.tokenHash,
      locale: token.locale,
      next_path: token.nextPath,
      created_at: token.createdAt.toISOString(),
      expires_at: token.expiresAt.toISOString(),
      used_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export interface SignInTokenRow {
  id: number;
  email: string;
  locale: string;
  nextPath: string | null;
  expiresAt: string;
  usedAt: string | null;
}

const TOKEN_COLUMNS = ['id', 'email', 'locale', 'next_path', 'expires_at', 'used_at'] as const;

function toTokenRow(row: {
  id: number;
  email: string;
  locale: string;
  next_path: string | null;
  expires_at: string;
  used_at: string | null;
}): SignInTokenRow {
  return {
    id: row.id,
    email: row.email,
    locale: row.locale,
    nextPath: row.next_path,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
  };
}

export async function findSignInToken(db: Db, tokenHash: string): Promise<SignInTokenRow | undefined> {
  const row = await db
    .selectFrom('sign_in_tokens')
    .select(TOKEN_COLUMNS)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row === undefined ? undefined : toTokenRow(row);
}

/**
 * Marks the token used if it is still unused and unexpired, in one statement: of two requests at
 * once, exactly one gets the row back.
 */
export async function consumeSignInToken(db: Db, tokenHash: string, now: Date): Promise<SignInTokenRow | undefined> {
  const at = now.toISOString();
  const row = await db
    .updateTable('sign_in_tokens')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .returning(TOKEN_COLUMNS)
    .executeTakeFirst();
  return row === undefined ? undefined : toTokenRow(row);
}

/** A used token is kept this long, so a second click on its link says "already used" rather than "not valid". */
const KEEP_USED_MS = 3600 * 1000;

/** Expired tokens and tokens used over an hour ago are of no further use (the hourly purge). */
export async function deleteStaleSignInTokens(db: Db, now: Date): Promise<number> {
  const usedBefore = new Date(now.getTime() - KEEP_USED_MS).toISOString();
  const result = await db
    .deleteFrom('sign_in_tokens')
    .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('used_at', '<=', usedBefore)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface UserListing extends User {
  createdAt: string;
  lastSignInAt: string | null;
  petitions: number;
}

/** Accounts for the admin's users page, admins and moderators first, then by address; a page at a time. */
export async function listUsers(db: Db, options: { query?: string; limit: number }): Promise<UserListing[]> {
  let select = db
    .selectFrom('users')
    .leftJoin('petitions', 'petitions.owner_id', 'users.id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.locale',
      'users.created_at',
      'users.last_sign_in_at',
    ])
    .select((eb) => eb.fn.count<number | string>('petitions.id').as('petitions'))
    .groupBy([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.locale',
      'users.created_at',
      'users.last_sign_in_at',
    ]);
  if (options.query !== undefined && options.query !== '') {
    // A search for part of an address or name. LIKE's wildcards are dropped from the query (the engines
    // disagree on escaping them), so "a_b" finds what "ab" finds, never everything.
    const pattern = `%${options.query.toLowerCase().replace(/[\\%_]/g, '')}%`;
    select = select.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['users.email']), 'like', eb.val(pattern)),
        eb(eb.fn('lower', ['users.name']), 'like', eb.val(pattern)),
      ]),
    );
  }
  const rows = await select
    .orderBy((eb) =>
      eb.case().when('users.role', '=', 'admin').then(0).when('users.role', '=', 'moderator').then(1).else(2).end(),
    )
    .orderBy('users.email')
    .limit(options.limit)
    .execute();
  return rows.map((r) => ({
    ...toUser(r),
    createdAt: r.created_at,
    lastSignInAt: r.last_sign_in_at,
    petitions: Number(r.petitions),
  }));
}
