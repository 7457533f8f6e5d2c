// A wide table scrolls sideways in its own box on a phone, instead of widening the page; the box takes
// keyboard focus so it can be scrolled without a pointer.
import type { Child } from 'hono/jsx';

export function TableScroll({ label, children }: { label: string; children: Child }) {
  return (
    <div class="table-scroll" role="region" aria-label={label} tabindex={0}>
      {children}
    </div>
  );
}
