import { describe, expect, it } from 'vitest';
import { postedPage, queuePaging } from './queue-paging.js';

describe('queue paging', () => {
  it.each([
    [undefined, 120, 1, 3, 0],
    ['2', 120, 2, 3, 50],
    ['3', 120, 3, 3, 100],
    ['4', 120, 3, 3, 100],
    ['999999999', 120, 3, 3, 100],
    ['0', 120, 1, 3, 0],
    ['-2', 120, 1, 3, 0],
    ['2abc', 120, 1, 3, 0],
    ['1e3', 120, 1, 3, 0],
    ['9999999999999', 120, 1, 3, 0],
    ['5', 0, 1, 1, 0],
    ['2', 50, 1, 1, 0],
    ['2', 51, 2, 2, 50],
  ])('page %s of %i items is page %i of %i, from %i', (requested, total, page, pages, offset) => {
    expect(queuePaging(requested, total)).toMatchObject({ page, pages, offset, size: 50, total });
  });

  it('a posted page number is read only when it is one', () => {
    expect([
      postedPage('3'),
      postedPage('0'),
      postedPage(''),
      postedPage(undefined),
      postedPage(['2']),
      postedPage('x'),
    ]).toEqual([3, 1, 1, 1, 1, 1]);
  });
});
