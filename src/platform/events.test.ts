import { describe, expect, it } from 'vitest';
import type { Db } from './db/connect.js';
import { createEventBus } from './events.js';

interface TestEvents {
  'thing.happened': { id: number };
  'other.happened': { name: string };
}

const trx = {} as Db; // handlers only pass it on here

describe('the event bus', () => {
  it('runs every handler of an event in the order they were wired, with the payload and the transaction', async () => {
    const bus = createEventBus<TestEvents>();
    const seen: string[] = [];
    bus.on('thing.happened', async (e, t) => {
      seen.push(`first ${e.id} ${t === trx}`);
    });
    bus.on('thing.happened', async (e) => {
      seen.push(`second ${e.id}`);
    });
    bus.on('other.happened', async (e) => {
      seen.push(`other ${e.name}`);
    });
    await bus.emit('thing.happened', { id: 7 }, trx);
    expect(seen).toEqual(['first 7 true', 'second 7']);
  });

  it('an event no one reacts to is fine', async () => {
    await expect(createEventBus<TestEvents>().emit('other.happened', { name: 'x' }, trx)).resolves.toBeUndefined();
  });

  it("a failing handler fails the emit, so the announcing transaction rolls back, and later handlers don't run", async () => {
    const bus = createEventBus<TestEvents>();
    let later = false;
    bus.on('thing.happened', async () => {
      throw new Error('reaction failed');
    });
    bus.on('thing.happened', async () => {
      later = true;
    });
    await expect(bus.emit('thing.happened', { id: 1 }, trx)).rejects.toThrow('reaction failed');
    expect(later).toBe(false);
  });
});
