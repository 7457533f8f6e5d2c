import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { runJobs, type ScheduledJob } from './jobs.js';

function fakeDeps(outage: { down: boolean } = { down: false }) {
  return {
    database: {
      outage: () => (outage.down ? ('unreachable' as const) : undefined),
      noteFailure: () => undefined,
    },
    logger: pino({ level: 'silent' }),
  };
}
type Deps = ReturnType<typeof fakeDeps>;

const until = async (condition: () => boolean) => {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in 5 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('the job runner', () => {
  it('runs every job of the list again and again, never one job twice at once', async () => {
    let runs = 0;
    let inFlight = 0;
    let overlapped = false;
    const job: ScheduledJob<Deps> = {
      name: 'slow',
      everyMs: 1,
      async run() {
        inFlight += 1;
        overlapped ||= inFlight > 1;
        await new Promise((resolve) => setTimeout(resolve, 10));
        inFlight -= 1;
        runs += 1;
      },
    };
    let others = 0;
    const other: ScheduledJob<Deps> = { name: 'other', everyMs: 1, run: async () => void (others += 1) };
    const running = runJobs([job, other], fakeDeps());
    await until(() => runs >= 3 && others >= 3);
    await running.stop();
    expect(overlapped).toBe(false);
  });

  it('a job that fails runs again next round', async () => {
    let runs = 0;
    const job: ScheduledJob<Deps> = {
      name: 'flaky',
      everyMs: 1,
      async run() {
        runs += 1;
        if (runs === 1) throw new Error('first round fails');
      },
    };
    const running = runJobs([job], fakeDeps());
    await until(() => runs >= 2);
    await running.stop();
  });

  it('skips rounds while the database is down, and resumes when it is back', async () => {
    const outage = { down: true };
    let runs = 0;
    const running = runJobs([{ name: 'db', everyMs: 1, run: async () => void (runs += 1) }], fakeDeps(outage));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runs).toBe(0);
    outage.down = false;
    await until(() => runs >= 1);
    await running.stop();
  });

  it('a stop ends a batched job at its next pause, and waits for it', async () => {
    let batches = 0;
    let ended = false;
    const job: ScheduledJob<Deps> = {
      name: 'batches',
      everyMs: 1,
      async run(_deps, { pause }) {
        try {
          for (;;) {
            batches += 1;
            await pause();
          }
        } finally {
          ended = true;
        }
      },
    };
    const running = runJobs([job], fakeDeps());
    await until(() => batches >= 3);
    await running.stop();
    expect(ended).toBe(true);
  });

  it('takes each job interval from the caller when it gives one', async () => {
    let runs = 0;
    const running = runJobs(
      [{ name: 'rare', everyMs: 1, run: async () => void (runs += 1) }],
      fakeDeps(),
      () => 60_000,
    );
    await until(() => runs === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runs).toBe(1);
    await running.stop();
  });
});
