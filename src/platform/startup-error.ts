// Why Firma could not start, in one sentence for the person starting it: printed without a stack trace, exit 1.
export class StartupError extends Error {
  override name = 'StartupError';
}
