import { describe, expect, it } from 'vitest';
import templateJson from '../../templates/sheet-template.json' with { type: 'json' };
import { sheetTemplateSchema } from '../model/template.js';
import { doc, figure, paragraph, tableFigure } from './builders.js';
import {
  captionLabel,
  countNumbered,
  numberBlocks,
  numberingOrder,
  numberSheet,
  startsOf,
} from './numbering.js';

const template = sheetTemplateSchema.parse(templateJson);

const table = (caption: string, source = 'Enquête') => tableFigure(caption, source, [['a'], ['1']]);

describe('figure and table numbering', () => {
  it('numbers figures and tables each on their own, in order', () => {
    const section = doc(
      figure('A', 'src'),
      paragraph('texte'),
      table('T1'),
      figure('B', ''),
      table('T2', '  \u00a0'),
    );
    expect(numberBlocks(section)).toEqual([
      { index: 0, kind: 'figure', number: 1, missingSource: false },
      { index: 2, kind: 'table', number: 1, missingSource: false },
      { index: 3, kind: 'figure', number: 2, missingSource: true },
      { index: 4, kind: 'table', number: 2, missingSource: true },
    ]);
    expect(countNumbered(section)).toEqual({ figure: 2, table: 2, missingSources: 2 });
  });

  it('renumbers when a figure moves or is removed: the number is never stored', () => {
    const a = figure('A', 's');
    const b = figure('B', 's');
    const captionsInOrder = (section: ReturnType<typeof doc>) =>
      numberBlocks(section).map((block) => {
        const caption = section.content?.[block.index]?.content?.[0]?.content?.[0]?.text;
        return `${captionLabel(block.kind, block.number)}${caption}`;
      });
    expect(captionsInOrder(doc(a, b))).toEqual(['Figure 1\u00a0: A', 'Figure 2\u00a0: B']);
    expect(captionsInOrder(doc(b, a))).toEqual(['Figure 1\u00a0: B', 'Figure 2\u00a0: A']);
    expect(captionsInOrder(doc(paragraph('x'), b))).toEqual(['Figure 1\u00a0: B']);
    expect(JSON.stringify(doc(a, b))).not.toMatch(/Figure|number/);
  });

  it('continues from where the previous parts stopped', () => {
    expect(
      startsOf([
        { figure: 2, table: 1 },
        { figure: 0, table: 0 },
        { figure: 1, table: 3 },
      ]),
    ).toEqual([
      { figure: 0, table: 0 },
      { figure: 2, table: 1 },
      { figure: 2, table: 1 },
    ]);
    expect(numberBlocks(doc(figure('C', 's')), { figure: 2, table: 1 })[0]?.number).toBe(3);
  });

  it('follows the sheet: sections in template order, the family note, then the micro-scenarios', () => {
    const order = numberingOrder(template);
    expect(
      order.slice(0, template.sections.length).map((part) => part.kind === 'section' && part.section),
    ).toEqual(template.sections.map((section) => section.id));
    expect(order[template.sections.length]).toEqual({ kind: 'family-note' });
    expect(order[template.sections.length + 1]).toEqual({
      kind: 'scenario-angle',
      hypothesis: 'basse',
      angle: 'economique',
    });
    expect(order).toHaveLength(template.sections.length + 1 + 3 * 3);

    const numbered = numberSheet(template, {
      sections: { futurs: doc(figure('Dernière section', 's')), passe: doc(figure('P', 's'), table('T')) },
      familyNote: doc(figure('Note', 's')),
      scenarios: { basse: { title: '', angles: { social: doc(table('Scénario')) } } },
    });
    const startOf = (predicate: (part: (typeof numbered)[number]['part']) => boolean) =>
      numbered.find((entry) => predicate(entry.part))?.start;
    expect(startOf((part) => part.kind === 'section' && part.section === 'futurs')).toEqual({
      figure: 1,
      table: 1,
    });
    expect(startOf((part) => part.kind === 'family-note')).toEqual({ figure: 2, table: 1 });
    expect(startOf((part) => part.kind === 'scenario-angle' && part.angle === 'social')).toEqual({
      figure: 3,
      table: 1,
    });
  });
});
