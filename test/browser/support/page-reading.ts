// Reading a page the way its reader does: what a field announces, the count shown, whether it scrolls sideways.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The text a screen reader announces as a field's description (its aria-describedby targets). */
export async function descriptionOf(field: Locator): Promise<string> {
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  const parts = await Promise.all(
    ids
      .split(/\s+/)
      .filter((id) => id !== '')
      .map((id) => field.page().locator(`[id="${id}"]`).innerText()),
  );
  return parts.join(' ');
}

export function countShown(page: Page): Promise<string> {
  return page.locator('.petition-status .count').innerText();
}

/** Reloads the page until the count shows `expected`: rendered pages are shared for a second. */
export async function reloadUntilCountShows(page: Page, expected: string, timeout = 5000): Promise<void> {
  await expect
    .poll(
      async () => {
        const shown = await countShown(page);
        if (shown !== expected) await page.reload();
        return shown;
      },
      { timeout, interval: 100 },
    )
    .toBe(expected);
}

/** How far the page is wider than its viewport (0 when nothing scrolls sideways). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}
