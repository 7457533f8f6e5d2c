// Cross-feature reactions without cross-feature imports: a feature announces what happened ("a signature
// was confirmed") and the features that care react. The handlers are wired in one place (src/reactions.ts),
// so the announcing feature never imports the ones that react. Handlers run in order inside the announcing
// transaction: a reaction that fails rolls the change back with it, as the same code inline would.
import type { Db } from './db/connect.js';

/** A reaction to one kind of event, given the event and the transaction it happened in. */
export type EventHandler<Payload> = (payload: Payload, trx: Db) => Promise<void>;

/** What a feature is given to announce its events (only its own: `Events` is its event map). */
export interface EventEmitter<Events> {
  emit<Name extends keyof Events & string>(name: Name, payload: Events[Name], trx: Db): Promise<void>;
}

export interface EventBus<Events> extends EventEmitter<Events> {
  on<Name extends keyof Events & string>(name: Name, handler: EventHandler<Events[Name]>): void;
}

export function createEventBus<Events>(): EventBus<Events> {
  const handlers = new Map<string, EventHandler<never>[]>();
  return {
    on(name, handler) {
      handlers.set(name, [...(handlers.get(name) ?? []), handler as EventHandler<never>]);
    },
    async emit(name, payload, trx) {
      for (const handler of handlers.get(name) ?? []) await (handler as EventHandler<typeof payload>)(payload, trx);
    },
  };
}
