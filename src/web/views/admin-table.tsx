// The table of an admin list page (accounts, block lists): a line when the list is empty, else a captioned
// table with one header per column and a row per entry, its first cell the entry's name (<th scope="row">).
import type { Child } from 'hono/jsx';

export interface AdminTableProps<Row> {
  rows: readonly Row[];
  /** Shown instead of the table when there are no rows. */
  empty: string;
  caption: string;
  columns: readonly string[];
  /** A last column without a heading, for each row's buttons. */
  actionsColumn?: boolean;
  /** The cells of one row, the first a <th scope="row">. */
  cells: (row: Row) => Child;
}

export function AdminTable<Row>(p: AdminTableProps<Row>) {
  if (p.rows.length === 0) return <p>{p.empty}</p>;
  return (
    <table class="data-table">
      <caption>{p.caption}</caption>
      <thead>
        <tr>
          {p.columns.map((column) => (
            <th scope="col">{column}</th>
          ))}
          {p.actionsColumn === true ? <td></td> : null}
        </tr>
      </thead>
      <tbody>
        {p.rows.map((row) => (
          <tr>{p.cells(row)}</tr>
        ))}
      </tbody>
    </table>
  );
}
