// Runs axe-core in a page against WCAG 2.x A and AA, and describes what it found so a failure reads well.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let axeSource: Promise<string> | undefined;

function loadAxeSource(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('axe-core');
  axeSource ??= readFile(path.join(path.dirname(entry), 'axe.min.js'), 'utf8');
  return axeSource;
}

/** The page's WCAG violations. The context needs `bypassCSP: true`: Firma's CSP rightly forbids inline scripts. */
export async function wcagViolations(page: Page): Promise<Result[]> {
  // A click that navigates can return before the new document has a head to add the script to.
  await page.waitForLoadState('load');
  await page.addScriptTag({ content: await loadAxeSource() });
  const results = await page.evaluate(async (tags) => {
    // axe is the global the script above defined.
    const axe = (globalThis as unknown as { axe: { run(options: object): Promise<AxeResults> } }).axe;
    return axe.run({ runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  }, WCAG_TAGS);
  return results.violations;
}

export function describeViolations(violations: Result[]): string {
  if (violations.length === 0) return 'no violations';
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
        .join('\n');
      return `[${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n\n');
}
