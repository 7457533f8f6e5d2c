// What a thrown value says, whatever threw it: the `code` Node.js, the database drivers and the mailer put on
// their errors (ECONNREFUSED, 28P01, SQLITE_BUSY, EAUTH...), and its message.

export function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
    ? err.code
    : undefined;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
