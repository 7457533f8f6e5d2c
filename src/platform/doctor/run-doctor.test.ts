import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import type { Check } from './check.js';
import { checkNodeVersion } from './node-version-check.js';
import { runDoctor } from './run-doctor.js';

const config = loadConfig({});

async function doctor(checks: Check[]): Promise<{ status: number; lines: string[] }> {
  const lines: string[] = [];
  const status = await runDoctor(config, { out: (line) => lines.push(line) }, { checks });
  return { status, lines };
}

const passing: Check = { name: 'Passing', run: () => ({ ok: true, message: 'fine' }) };
const warning: Check = { name: 'Warning', run: async () => ({ ok: 'warn', message: 'look at this' }) };
const failing: Check = { name: 'Failing', run: async () => ({ ok: false, message: 'broken: fix it' }) };

describe('runDoctor', () => {
  it('prints one line per check, in order, and exits 0 when every check passes', async () => {
    const slow: Check = {
      name: 'Slow',
      run: () => new Promise((resolve) => setTimeout(() => resolve({ ok: true, message: 'late' }), 20)),
    };
    expect(await doctor([slow, passing])).toEqual({
      status: 0,
      lines: ['✓ Slow     late', '✓ Passing  fine', '', 'All 2 checks passed.'],
    });
  });

  it('does not fail on warnings, but says there are some', async () => {
    const { status, lines } = await doctor([passing, warning]);
    expect(status).toBe(0);
    expect(lines).toContain('! Warning  look at this');
    expect(lines.at(-1)).toBe('All 2 checks passed (1 warning to look at, marked !).');
  });

  it('exits 1 when a check fails, and says how many failed', async () => {
    const { status, lines } = await doctor([failing, passing, warning]);
    expect(status).toBe(1);
    expect(lines[0]).toBe('✗ Failing  broken: fix it');
    expect(lines.at(-1)).toBe(
      '1 of 3 checks failed (1 warning to look at, marked !): fix what is marked ✗, then run firma doctor again.',
    );
  });

  it('reports a check that throws as failed, and still runs the others', async () => {
    const throwing: Check = {
      name: 'Throwing',
      run: () => {
        throw new Error('unexpected');
      },
    };
    const { status, lines } = await doctor([throwing, passing]);
    expect(status).toBe(1);
    expect(lines[0]).toBe('✗ Throwing  the check itself failed: Error: unexpected');
    expect(lines[1]).toBe('✓ Passing   fine');
  });
});

describe('checkNodeVersion', () => {
  it('passes Node 24 and later, and tells an older one what to install', () => {
    expect(checkNodeVersion('24.0.0')).toEqual({ ok: true, message: 'v24.0.0' });
    expect(checkNodeVersion('26.1.0').ok).toBe(true);
    expect(checkNodeVersion('22.12.0')).toEqual({
      ok: false,
      message: 'v22.12.0 is too old: Firma needs Node.js 24 or later; install Node.js 24 (README, "Quick start")',
    });
  });
});
