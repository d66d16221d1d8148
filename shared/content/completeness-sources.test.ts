import { describe, expect, it } from 'vitest';
import { completenessOf } from '../model/completeness.js';
import templateJson from '../../templates/sheet-template.json' with { type: 'json' };
import { sheetTemplateSchema } from '../model/template.js';
import { doc, figure, paragraph, tableFigure } from './builders.js';

const template = sheetTemplateSchema.parse(templateJson);
const [first] = template.sections;
const longText = paragraph('mot '.repeat((first?.targetWords.min ?? 0) + 10).trim());

function progressOf(section: ReturnType<typeof doc>) {
  const sections = { [first?.id ?? '']: section };
  const parts = completenessOf(template, {
    sections,
    microScenarios: { useFamily: false, scenarios: {} },
  }).parts;
  return parts[0];
}

describe('completeness and sources', () => {
  it('a long enough part with every source given is complete', () => {
    const part = progressOf(
      doc(longText, figure('Légende', 'Enquête 2019'), tableFigure('T', 'INSEE', [['a']])),
    );
    expect(part).toMatchObject({ state: 'complete', missingSources: 0 });
  });

  it.each([
    ['a figure', figure('Légende', '')],
    ['a table', tableFigure('Légende', ' ', [['a']])],
  ])('%s without source keeps the part in progress, however long', (_label, block) => {
    expect(progressOf(doc(longText, block))).toMatchObject({ state: 'in-progress', missingSources: 1 });
  });
});
