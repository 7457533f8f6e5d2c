// Reads a rendered sign form the way a person sees it: each field with what is written next to it.

/** The markup of the form field that holds the control named `name`: its label, hint, error and input. */
export function fieldBlock(html: string, name: string): string {
  const control = new RegExp(`<(input|textarea)[^>]*\\bname="${name}"`).exec(html);
  if (control === null) throw new Error(`no control named ${name} in the page`);
  const start = html.lastIndexOf('class="field', control.index);
  const end = html.indexOf(control[1] === 'textarea' ? '</textarea>' : '>', control.index);
  return html.slice(start, end + 1);
}

/** The value attribute of the input named `name`, as written in the HTML (still escaped). */
export function inputValue(html: string, name: string): string | undefined {
  const input = new RegExp(`<input[^>]*\\bname="${name}"[^>]*>`).exec(html)?.[0];
  return input === undefined ? undefined : /\bvalue="([^"]*)"/.exec(input)?.[1];
}

/** The text inside the textarea named `name`, as written in the HTML (still escaped). */
export function textareaText(html: string, name: string): string | undefined {
  return new RegExp(`<textarea[^>]*\\bname="${name}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1];
}
