import { describe, expect, it } from 'vitest';
import { doc, figure, paragraph, tableFigure } from '../content/builders.js';
import type { DocNode } from '../content/doc.js';
import type { SheetFile } from '../model/sheet.js';
import { diffSheets } from './diff.js';
import type { BlockChange, PartDiff } from './diff-schema.js';
import { partsOfSheet } from './parts.js';
import { comparisonSheet, comparisonTemplate as template } from './testing/comparison-fixture.js';

/** Figures and tables in a comparison: named by their number, a table's changes shown row by row. */

const sheet = (sections: Record<string, DocNode>): SheetFile => comparisonSheet(sections);

const blocksOf = (parts: PartDiff[], key: string): BlockChange[] =>
  parts.find((entry) => entry.key === key)?.blocks ?? [];

const production = (rows: string[][], caption = 'Production de données') =>
  tableFigure(caption, 'Insee', [['Année', 'Volume (Zo)'], ...rows]);

describe('tables and figures in a comparison', () => {
  const before = sheet({
    trajectoire: doc(
      figure('Les freins', 'Bpifrance'),
      production([
        ['2019', '41'],
        ['2020', '59'],
        ['2022', '97'],
      ]),
    ),
    passe: doc(paragraph('Le passé.'), tableFigure('Emplois', 'Dares', [['Métier', 'Effectif']])),
  });
  const after = sheet({
    trajectoire: doc(
      figure('Les freins', 'Bpifrance'),
      production([
        ['2019', '41'],
        ['2020', '64'],
        ['2021', '79'],
        ['2022', '97'],
      ]),
    ),
    passe: doc(
      paragraph('Le passé.'),
      tableFigure('Emplois du numérique', 'Dares', [['Métier', 'Effectif']]),
    ),
  });
  const diff = diffSheets(template, partsOfSheet(before), partsOfSheet(after));

  it('names each figure and table by its number in the sheet', () => {
    expect(blocksOf(diff.parts, 'section/trajectoire').map((block) => [block.kind, block.label])).toEqual([
      ['same', 'Figure 1'],
      ['changed', 'Tableau 1'],
    ]);
    expect(blocksOf(diff.parts, 'section/passe').map((block) => block.label)).toEqual([
      undefined,
      'Tableau 2',
    ]);
    expect(diff.highlights).toEqual([
      'Tableau 1 modifié (Trajectoire de la variable)',
      'Tableau 2 modifié (Évolution passée)',
    ]);
  });

  it('shows the changed cells row by row, with their column’s heading', () => {
    const [, table] = blocksOf(diff.parts, 'section/trajectoire');
    expect(table?.kind === 'changed' && table.table).toEqual({
      rows: [
        {
          kind: 'changed',
          row: 3,
          cells: [
            {
              column: 2,
              heading: 'Volume (Zo)',
              segments: [
                { op: 'del', text: '59' },
                { op: 'ins', text: '64' },
              ],
            },
          ],
        },
        {
          kind: 'added',
          row: 4,
          cells: [
            { column: 1, heading: 'Année', segments: [{ op: 'ins', text: '2021' }] },
            { column: 2, heading: 'Volume (Zo)', segments: [{ op: 'ins', text: '79' }] },
          ],
        },
      ],
    });
  });

  it('shows a changed caption apart from the cells', () => {
    const [, table] = blocksOf(diff.parts, 'section/passe');
    expect(table?.kind === 'changed' && table.table).toEqual({
      caption: [
        { op: 'same', text: 'Emplois' },
        { op: 'ins', text: ' du numérique' },
      ],
      rows: [],
    });
  });

  it('numbers a removed table as it was, an added one as it is', () => {
    const removed = diffSheets(
      template,
      partsOfSheet(before),
      partsOfSheet(
        sheet({ trajectoire: doc(figure('Les freins', 'Bpifrance')), passe: before.sections.passe ?? doc() }),
      ),
    );
    expect(blocksOf(removed.parts, 'section/trajectoire').map((block) => [block.kind, block.label])).toEqual([
      ['same', 'Figure 1'],
      ['removed', 'Tableau 1'],
    ]);
    expect(removed.highlights).toEqual(['Tableau 1 supprimé (Trajectoire de la variable)']);

    const added = diffSheets(
      template,
      partsOfSheet(sheet({ trajectoire: doc(), passe: doc() })),
      partsOfSheet(after),
    );
    expect(added.highlights).toEqual([
      'Figure 1 ajoutée (Trajectoire de la variable)',
      'Tableau 1 ajouté (Trajectoire de la variable)',
      'Tableau 2 ajouté (Évolution passée)',
    ]);
  });

  it('shows the cells of a removed row, and a row whose text did not change is not listed', () => {
    const fewer = sheet({
      trajectoire: doc(
        figure('Les freins', 'Bpifrance'),
        production([
          ['2019', '41'],
          ['2022', '97'],
        ]),
      ),
      passe: before.sections.passe ?? doc(),
    });
    const [, table] = blocksOf(
      diffSheets(template, partsOfSheet(before), partsOfSheet(fewer)).parts,
      'section/trajectoire',
    );
    expect(table?.kind === 'changed' && table.table?.rows).toEqual([
      {
        kind: 'removed',
        row: 3,
        cells: [
          { column: 1, heading: 'Année', segments: [{ op: 'del', text: '2020' }] },
          { column: 2, heading: 'Volume (Zo)', segments: [{ op: 'del', text: '59' }] },
        ],
      },
    ]);
  });
});
