import type { RowChange, TableChange } from '../../../shared/history/diff-schema.js';
import { DiffText } from './DiffText.js';

const rowLabels: Record<RowChange['kind'], (row: number) => string> = {
  changed: (row) => `Ligne\u00a0${row}`,
  added: (row) => `Ligne\u00a0${row} ajoutée`,
  removed: (row) => `Ligne\u00a0${row} supprimée`,
};

/** A changed table as a reader checks it: its caption, then each changed row with its changed cells, then its source. */
export function TableDiff({ table }: { table: TableChange }) {
  return (
    <div className="diff-table" data-testid="diff-table">
      {table.caption && (
        <p className="diff-table-line">
          <span className="diff-sublabel">Légende</span>
          <DiffText segments={table.caption} />
        </p>
      )}
      {table.rows.map((row) => (
        <div
          key={`${row.kind}-${row.row}`}
          className={`diff-table-row diff-row-${row.kind}`}
          data-testid={`diff-row-${row.kind}-${row.row}`}
        >
          <span className="diff-sublabel">{rowLabels[row.kind](row.row)}</span>
          <ul>
            {row.cells.map((cell) => (
              <li key={cell.column}>
                <span className="diff-cell-heading">{cell.heading ?? `Colonne ${cell.column}`}</span>
                {'\u00a0: '}
                <DiffText segments={cell.segments} />
              </li>
            ))}
          </ul>
        </div>
      ))}
      {table.source && (
        <p className="diff-table-line">
          <span className="diff-sublabel">Source</span>
          <DiffText segments={table.source} />
        </p>
      )}
    </div>
  );
}
