import { describe, expect, it } from 'vitest';
import { doc, figure, paragraph, SAMPLE_ASSET, tableFigure } from './builders.js';
import type { DocNode } from './doc.js';
import { contentSchema } from './schema.js';
import { contentProblem } from './validate.js';

/** A section holding one of each of the sheet's own blocks. */
const everyBlock = doc(
  paragraph('Avant la figure.'),
  figure('Les 4 principaux freins', 'BPifrance le Lab, 2017', { width: 'full' }),
  { type: 'sourceLine', content: [{ type: 'text', text: '5septdirect' }] },
  {
    type: 'encadre',
    content: [
      { type: 'encadreTitle', content: [{ type: 'text', text: 'Le Health Data Hub' }] },
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [paragraph('Une plateforme.')] }],
      },
    ],
  },
  tableFigure('Utilisation du numérique', 'Baromètre 2019', [
    ['Usage', 'Industrie', 'Toutes activités'],
    ['Recours au numérique', '94 %', '82 %'],
  ]),
  figure('', '', { asset: null }),
);

function roundTrip(value: DocNode): DocNode {
  const node = contentSchema().nodeFromJSON(value);
  const again = contentSchema().nodeFromJSON(JSON.parse(JSON.stringify(node.toJSON())));
  expect(again.eq(node)).toBe(true);
  return again.toJSON() as DocNode;
}

describe('figures and tables in the content schema', () => {
  it('round-trips every block through JSON, attributes included', () => {
    expect(contentProblem(everyBlock)).toBeUndefined();
    const saved = roundTrip(everyBlock);
    const [, savedFigure, , , savedTable, emptyFigure] = saved.content ?? [];
    expect(savedFigure?.attrs).toEqual({ asset: SAMPLE_ASSET, width: 'full' });
    expect(savedFigure?.content?.map((child) => child.type)).toEqual(['caption', 'sourceLine']);
    expect(savedTable?.content?.map((child) => child.type)).toEqual(['caption', 'table', 'sourceLine']);
    const headerRow = savedTable?.content?.[1]?.content?.[0];
    expect(headerRow?.content?.map((cell) => cell.type)).toEqual([
      'tableHeader',
      'tableHeader',
      'tableHeader',
    ]);
    expect(emptyFigure?.attrs).toEqual({ asset: null, width: 'column' });
  });

  it('drops attributes the schema does not know', () => {
    const block = { ...figure('a', 'b'), attrs: { asset: SAMPLE_ASSET, width: 'full', onload: 'alert(1)' } };
    expect(roundTrip(doc(block)).content?.[0]?.attrs).toEqual({ asset: SAMPLE_ASSET, width: 'full' });
  });

  it('stores the image as an asset name, never as data', () => {
    const json = JSON.stringify(roundTrip(everyBlock));
    expect(json).not.toMatch(/base64|data:/);
  });

  it.each([
    ['an asset name that is a path', figure('a', 'b', { asset: '../../etc/passwd' })],
    ['an inline image', figure('a', 'b', { asset: 'data:image/png;base64,AAAA' })],
    [
      'an unknown width',
      { ...figure('a', 'b'), attrs: { asset: SAMPLE_ASSET, width: 'immense' } } satisfies DocNode,
    ],
    ['a figure without source line', { type: 'figure', content: [{ type: 'caption' }] }],
    ['a table outside its figure', tableFigure('a', 'b', [['x']]).content?.[1] ?? paragraph('')],
    [
      'a figure inside a list',
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [paragraph('x'), figure('a', 'b')] }],
      },
    ],
    ['a figure inside a quotation', { type: 'blockquote', content: [figure('a', 'b')] }],
  ])('refuses %s', (_label, block) => {
    expect(contentProblem(doc(block))).toMatch(/Contenu non conforme/);
  });
});
