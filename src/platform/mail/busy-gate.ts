// Inside the web process, sending mail gives way to signers: while the event loop is nearly always
// busy (a signing spike), only one mail round in `busyEvery` runs; the outbox keeps the rest, and
// it drains at full pace once the spike is over.
import { performance, type EventLoopUtilization } from 'node:perf_hooks';

export interface BusyGateOptions {
  /** Share of the last interval the event loop spent working (0–1), since the previous call. */
  utilization?: () => number;
  /** Above this the process counts as busy. */
  threshold?: number;
  /** While busy, one round in this many still runs, so mail never stops altogether. */
  busyEvery?: number;
}

export function eventLoopUtilizationSinceLastCall(): () => number {
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const share = performance.eventLoopUtilization(now, last).utilization;
    last = now;
    return share;
  };
}

/** A round's turn: the process is quiet, or busy and this is the one round in `busyEvery` that runs, or it waits. */
export type BusyTurn = 'quiet' | 'busy' | 'wait';

/** Returns a function telling each round which turn it has (the webhooks send less on a busy turn). */
export function createBusyTurns(options: BusyGateOptions = {}): () => BusyTurn {
  const utilization = options.utilization ?? eventLoopUtilizationSinceLastCall();
  const threshold = options.threshold ?? 0.9;
  const busyEvery = options.busyEvery ?? 8;
  let skipped = 0;
  return function turn() {
    if (utilization() <= threshold) {
      skipped = 0;
      return 'quiet';
    }
    if (skipped >= busyEvery - 1) {
      skipped = 0;
      return 'busy';
    }
    skipped += 1;
    return 'wait';
  };
}

/** Returns a function answering "may this round send mail?". */
export function createBusyGate(options: BusyGateOptions = {}): () => boolean {
  const turn = createBusyTurns(options);
  return () => turn() !== 'wait';
}
