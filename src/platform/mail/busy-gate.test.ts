import { describe, expect, it } from 'vitest';
import { createBusyGate } from './busy-gate.js';

function rounds(gate: () => boolean, n: number): boolean[] {
  return Array.from({ length: n }, () => gate());
}

describe('the busy gate of the in-process mail worker', () => {
  it('lets every round run while the web process has time to spare', () => {
    const gate = createBusyGate({ utilization: () => 0.5 });
    expect(rounds(gate, 10).every(Boolean)).toBe(true);
  });

  it('lets one round in eight run while the event loop is saturated, so mail slows but never stops', () => {
    const gate = createBusyGate({ utilization: () => 0.97, busyEvery: 8 });
    const ran = rounds(gate, 24);
    expect(ran.filter(Boolean)).toHaveLength(3);
    expect(ran.indexOf(true)).toBe(7);
  });

  it('runs again at once when the spike is over', () => {
    let load = 0.99;
    const gate = createBusyGate({ utilization: () => load, busyEvery: 8 });
    expect(rounds(gate, 3)).toEqual([false, false, false]);
    load = 0.2;
    expect(rounds(gate, 3)).toEqual([true, true, true]);
  });
});
