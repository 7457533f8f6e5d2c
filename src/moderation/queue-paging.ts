// Which page of a queue view a moderator asked for (?page=N), 50 items a page, kept within the pages there are.
export const QUEUE_PAGE_SIZE = 50;

export interface QueuePaging {
  /** 1-based, within 1..pages. */
  page: number;
  /** At least 1 (an empty view has one, empty, page). */
  pages: number;
  total: number;
  offset: number;
  size: number;
}

/** A missing or malformed page is the first; one past the end is the last (the queue shrinks as moderators decide). */
export function queuePaging(requested: string | undefined, total: number, size = QUEUE_PAGE_SIZE): QueuePaging {
  const pages = Math.max(1, Math.ceil(total / size));
  const asked = requested !== undefined && /^\d{1,9}$/.test(requested) ? Number(requested) : 1;
  const page = Math.min(Math.max(asked, 1), pages);
  return { page, pages, total, offset: (page - 1) * size, size };
}

/** The page number in a posted form (the queue page a decision was made on); 1 when absent or malformed. */
export function postedPage(value: unknown): number {
  return typeof value === 'string' && /^\d{1,9}$/.test(value) && Number(value) >= 1 ? Number(value) : 1;
}
