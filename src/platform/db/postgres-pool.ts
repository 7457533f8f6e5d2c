// node-postgres's pool made to outlive the database going away: every 'error' event is handled (one
// without a listener ends the process: a PostgreSQL restart used to take Firma down), and a connection
// whose socket died or whose query got no answer in time is destroyed instead of going back to the pool.
import type { PostgresCursor, PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { unavailableCause } from './unavailable.js';

/** True when the connection cannot be trusted with another query: its socket is gone, or a reply is still owed. */
function breaksConnection(err: unknown): boolean {
  const cause = unavailableCause(err);
  if (cause === 'unreachable') return true;
  // node-postgres's own read timeout: the server never answered, and may still answer later, out of turn.
  return cause === 'timeout' && err instanceof Error && err.message === 'Query read timeout';
}

interface Checkout {
  client: PostgresPoolClient;
  begin(): void;
}

function wrapClient(client: pg.PoolClient, onError: (err: Error) => void): Checkout {
  let broken = false;
  // A checked-out connection that loses its socket between queries emits 'error' (the pool listens only
  // while the connection is idle).
  const onCheckedOutError = (err: Error) => {
    broken = true;
    onError(err);
  };
  const noteFailure = (err: unknown) => {
    if (breaksConnection(err)) broken = true;
  };
  const wrapped = {
    // Kysely reads the backend's process id (to cancel a query); node-postgres keeps it undeclared.
    get processID(): number | undefined {
      return (client as { processID?: number }).processID; // an undocumented member, as Kysely itself says
    },
    query(sqlOrCursor: string | PostgresCursor<unknown>, parameters?: ReadonlyArray<unknown>) {
      if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as unknown as pg.Submittable); // a pg-cursor
      const result = client.query(sqlOrCursor, parameters === undefined ? undefined : [...parameters]);
      result.catch(noteFailure);
      return result;
    },
    release() {
      client.removeListener('error', onCheckedOutError);
      client.release(broken);
    },
  };
  return {
    // Kysely's client type has two overloads of query (text and cursor); the implementation above serves both.
    client: wrapped as unknown as PostgresPoolClient,
    begin() {
      broken = false;
      client.on('error', onCheckedOutError);
    },
  };
}

export function resilientPool(pool: pg.Pool, onError: (err: Error) => void): PostgresPool {
  // An idle connection the server closed (a restart, pg_terminate_backend): the pool drops it and makes
  // a new one when asked; here it is only reported.
  pool.on('error', (err) => onError(err));
  const checkouts = new WeakMap<pg.PoolClient, Checkout>();
  return {
    options: pool.options,
    async connect() {
      const client = await pool.connect();
      let checkout = checkouts.get(client);
      if (checkout === undefined) {
        checkout = wrapClient(client, onError);
        checkouts.set(client, checkout);
      }
      checkout.begin();
      return checkout.client;
    },
    end: () => pool.end(),
  };
}
