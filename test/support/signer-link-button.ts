// Following a link from a signer email the way a person does: open it (a GET, which only asks), then
// press the page's one button (a POST from this site). A mail scanner does only the first half.
import { postForm, TEST_ORIGIN, type TestApp } from './test-app.js';

/** The action of the page's post form, or undefined when the page has no button. */
export function buttonAction(html: string): string | undefined {
  return /<form method="post" action="([^"]+)"/.exec(html)?.[1];
}

/** Opens `link` (a full URL or a path) and presses its button; fails when the page has none. */
export async function openAndPress(t: TestApp, link: string): Promise<Response> {
  const path = new URL(link, TEST_ORIGIN).pathname;
  const page = await t.app.request(path);
  const action = buttonAction(await page.text());
  if (action === undefined) throw new Error(`no button on ${path} (status ${page.status})`);
  return postForm(t, action, {});
}
