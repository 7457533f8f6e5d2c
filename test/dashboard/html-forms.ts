// Reads the hidden inputs of a form in a page, as a browser would submit them.
export function hiddenFields(html: string, formClass: string): Record<string, string> {
  const start = html.indexOf(`<form class="${formClass}"`);
  if (start < 0) throw new Error(`no form.${formClass} in the page`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string> = {};
  for (const match of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    fields[match[1] ?? ''] = match[2] ?? '';
  return fields;
}
