import { diffArrays } from 'diff';
import { textOf, type DocNode } from '../content/doc.js';
import type { CellChange, RowChange, Segment, TableChange } from './diff-schema.js';
import { wordDiff } from './tokens.js';

/**
 * What changed in a table figure, as a reader checks it: the caption and the source when
 * they changed, then the rows that changed, were added or removed, each with its changed
 * cells (every cell of an added or removed row), named by row and column heading.
 */

interface Parts {
  caption: string;
  source: string;
  rows: string[][];
  headings: string[];
}

function partsOf(tableFigure: DocNode): Parts {
  const children = tableFigure.content ?? [];
  const child = (type: string) => children.find((node) => node.type === type);
  const rowNodes = child('table')?.content ?? [];
  const rows = rowNodes.map((row) => (row.content ?? []).map(textOf));
  const [first] = rowNodes;
  const headerRow = first !== undefined && (first.content ?? []).every((cell) => cell.type === 'tableHeader');
  return {
    caption: textOf(child('caption') ?? { type: 'caption' }),
    source: textOf(child('sourceLine') ?? { type: 'sourceLine' }),
    rows,
    headings: headerRow ? (rows[0] ?? []) : [],
  };
}

const changedOnly = (segments: Segment[]) => segments.some((segment) => segment.op !== 'same');

function cell(column: number, headings: string[], segments: Segment[]): CellChange {
  const heading = headings[column - 1];
  return heading ? { column, heading, segments } : { column, segments };
}

function changedCells(before: string[], after: string[], headings: string[]): CellChange[] {
  const cells: CellChange[] = [];
  for (let index = 0; index < Math.max(before.length, after.length); index += 1) {
    const segments = wordDiff(before[index] ?? '', after[index] ?? '');
    if (changedOnly(segments)) cells.push(cell(index + 1, headings, segments));
  }
  return cells;
}

function wholeRow(kind: 'added' | 'removed', row: number, cells: string[], headings: string[]): RowChange {
  const op = kind === 'added' ? 'ins' : 'del';
  return {
    kind,
    row,
    cells: cells.flatMap((text, index) => (text === '' ? [] : [cell(index + 1, headings, [{ op, text }])])),
  };
}

/** Rows are aligned on their text; within a run of changes, rows face each other in order. */
function rowChanges(before: Parts, after: Parts): RowChange[] {
  const key = (row: string[]) => JSON.stringify(row);
  const changes = diffArrays(before.rows.map(key), after.rows.map(key));
  const result: RowChange[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const settle = () => {
    removed.forEach((oldRow, index) => {
      const newRow = added[index];
      if (newRow === undefined) {
        result.push(wholeRow('removed', oldRow + 1, before.rows[oldRow] ?? [], before.headings));
        return;
      }
      const cells = changedCells(before.rows[oldRow] ?? [], after.rows[newRow] ?? [], after.headings);
      result.push({ kind: 'changed', row: newRow + 1, cells });
    });
    for (const newRow of added.slice(removed.length)) {
      result.push(wholeRow('added', newRow + 1, after.rows[newRow] ?? [], after.headings));
    }
    removed = [];
    added = [];
  };
  for (const change of changes) {
    const count = change.value.length;
    if (change.removed) {
      for (let i = 0; i < count; i += 1) removed.push(oldIndex + i);
      oldIndex += count;
    } else if (change.added) {
      for (let i = 0; i < count; i += 1) added.push(newIndex + i);
      newIndex += count;
    } else {
      settle();
      oldIndex += count;
      newIndex += count;
    }
  }
  settle();
  return result;
}

export function tableChange(before: DocNode, after: DocNode): TableChange {
  const old = partsOf(before);
  const now = partsOf(after);
  const caption = wordDiff(old.caption, now.caption);
  const source = wordDiff(old.source, now.source);
  return {
    ...(changedOnly(caption) ? { caption } : {}),
    ...(changedOnly(source) ? { source } : {}),
    rows: rowChanges(old, now),
  };
}
