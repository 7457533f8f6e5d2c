import { beforeEach, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../src/accounts/admin-command.js';
import { findUserByEmail } from '../../src/accounts/user-store.js';
import { makeUser } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';

describe.each(enginesToTest())('an admin is made from the command line on $name', (engine) => {
  const t = useTestApp(engine);
  let out: string[];
  let err: string[];
  const admin = (...args: string[]) =>
    runAdminCommand(t.deps.db, args, t.deps.now(), { out: (l) => out.push(l), err: (l) => err.push(l) });

  beforeEach(async () => {
    out = [];
    err = [];
  });

  it('`firma admin create` makes an admin account', async () => {
    expect(await admin('create', ' Boss@Example.org ')).toBe(0);
    expect(out.join('\n')).toContain('Created the account boss@example.org with the role admin');
    expect(await findUserByEmail(t.deps.db, 'boss@example.org')).toMatchObject({ role: 'admin' });
  });

  it('`firma admin create` promotes an existing organizer, and says so; a second run changes nothing', async () => {
    await makeUser(t, { email: 'ana@example.org', role: 'organizer' });
    expect(await admin('create', 'ana@example.org')).toBe(0);
    expect(out.at(-1)).toBe('ana@example.org: role changed from organizer to admin.');
    expect(await admin('create', 'ana@example.org')).toBe(0);
    expect(out.at(-1)).toBe('ana@example.org already has the role admin; nothing changed.');
    expect(await t.deps.db.selectFrom('users').select('id').execute()).toHaveLength(1);
    // The change (not the no-op) is in the audit log, made by no account: the command line.
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.role').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBeNull();
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({
      from: 'organizer',
      to: 'admin',
      via: 'command line',
    });
  });

  it('`firma admin role` sets any role', async () => {
    await makeUser(t, { email: 'ana@example.org', role: 'admin' });
    expect(await admin('role', 'ana@example.org', 'moderator')).toBe(0);
    expect(await findUserByEmail(t.deps.db, 'ana@example.org')).toMatchObject({ role: 'moderator' });
  });

  it('a bad email, an unknown role or a missing argument is a clear error with exit code 2', async () => {
    expect(await admin('create', 'not-an-email')).toBe(2);
    expect(err.at(-1)).toBe('Not a valid email address: "not-an-email"');
    expect(await admin('role', 'ana@example.org', 'superuser')).toBe(2);
    expect(err.at(-1)).toBe('The role must be one of: organizer, moderator, admin');
    expect(await admin('create')).toBe(2);
    expect(await admin('delete', 'ana@example.org')).toBe(2);
    expect(err.at(-1)).toContain('admin create <email>');
    expect(await t.deps.db.selectFrom('users').select('id').execute()).toEqual([]);
  });
});
