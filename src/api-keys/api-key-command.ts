// `firma api-key create|list|revoke`: API keys for scripts, made on the command line (the account page makes them
// too). The key is printed once, on its own line, so a script can capture it.
import type { User } from '../accounts/user.js';
import { normalizeAccountEmail } from '../accounts/user.js';
import type { CommandOutput } from '../accounts/admin-command.js';
import { listApiKeysOf } from './api-key-store.js';
import { createApiKey, revokeApiKey, type ApiKeyDeps } from './manage-api-keys.js';

export const API_KEY_USAGE = `  api-key create --user <email> [--petition <slug>] [--name <name>] [--write]
                               make an API key acting for that account (for one petition, or all it manages;
                               --write: it may record signatures too); prints the key once
  api-key list --user <email>  the account's keys (never the keys themselves)
  api-key revoke --user <email> --id <id>`;

export interface ApiKeyCommandDeps extends ApiKeyDeps {
  users: ApiKeyDeps['users'] & { byEmail(email: string): Promise<User | undefined> };
  petitionIdOf(slug: string): Promise<number | undefined>;
}

export interface ApiKeyCommandOptions {
  user?: string | undefined;
  petition?: string | undefined;
  name?: string | undefined;
  id?: string | undefined;
  write?: boolean | undefined;
}

export async function runApiKeyCommand(
  deps: ApiKeyCommandDeps,
  args: readonly string[],
  options: ApiKeyCommandOptions,
  io: CommandOutput,
): Promise<number> {
  const [action] = args;
  const usage = () => {
    io.err(`Usage:\n${API_KEY_USAGE}`);
    return 2;
  };
  if (action !== 'create' && action !== 'list' && action !== 'revoke') return usage();
  if (options.user === undefined) return usage();
  const user = await deps.users.byEmail(normalizeAccountEmail(options.user));
  if (user === undefined) {
    io.err(`No account has the address ${options.user}. Make one with: firma admin role ${options.user} organizer`);
    return 2;
  }
  if (action === 'list') {
    const keys = await listApiKeysOf(deps.db, user.id);
    if (keys.length === 0) io.out(`${user.email} has no API keys.`);
    for (const k of keys)
      io.out(
        [
          `#${k.id}`,
          `${k.prefix}…`,
          JSON.stringify(k.name),
          k.petition === null ? 'all petitions' : `petition ${k.petition.slug}`,
          k.canWrite ? 'read and record' : 'read only',
          `made ${k.createdAt}`,
          k.lastUsedAt === null ? 'never used' : `last used ${k.lastUsedAt}`,
          ...(k.revokedAt === null ? [] : [`revoked ${k.revokedAt}`]),
        ].join('  '),
      );
    return 0;
  }
  if (action === 'revoke') {
    const id = Number(options.id);
    if (options.id === undefined || !Number.isSafeInteger(id)) return usage();
    if (!(await revokeApiKey(deps, user, id))) {
      io.err(`${user.email} has no key #${options.id} in use.`);
      return 1;
    }
    io.out(`Key #${id} revoked: programs using it are refused from now on.`);
    return 0;
  }
  let petitionId: number | null = null;
  if (options.petition !== undefined) {
    petitionId = (await deps.petitionIdOf(options.petition)) ?? null;
    if (petitionId === null) {
      io.err(`No petition has the address ${options.petition}.`);
      return 2;
    }
  }
  const result = await createApiKey(deps, {
    user,
    name: options.name ?? 'Command line',
    petitionId,
    canWrite: options.write === true,
    viaCommandLine: true,
  });
  if (result.kind === 'bad_name') {
    io.err('--name: give the key a name of up to 100 characters.');
    return 2;
  }
  if (result.kind === 'no_petition') {
    io.err(`${user.email} does not manage the petition ${options.petition ?? ''}.`);
    return 2;
  }
  io.err(`API key #${result.key.id} made for ${user.email}. It is shown once; keep it as secret as a password:`);
  io.out(result.text);
  return 0;
}
