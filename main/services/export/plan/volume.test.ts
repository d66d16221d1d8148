import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Layout } from '../../../../shared/model/layout.js';
import { DEFAULT_VOLUME_OPENING } from '../../../../shared/model/template.js';
import { RepositoryContext } from '../../repository/context.js';
import { RepositoryLayout } from '../../repository/layout.js';
import { docxFromPlan } from '../docx/build.js';
import { loadLayout, type LoadedLayout } from '../layout/load-layout.js';
import { collectSheet, type PrintSheet } from '../sheet-input.js';
import { readDocx } from '../testing/docx-parts.js';
import type { SampleRepository } from '../testing/sample.js';
import { volumeSample } from '../testing/volume.js';
import type { ExportPlan, PlanPiece } from './types.js';
import { frenchSpaces } from './text.js';
import { planOfVolume } from './volume.js';

/** The volume's layout choices (layout.volume), as the plan makes them. */

let sample: SampleRepository;
let sheets: PrintSheet[];
let loaded: LoadedLayout;

beforeAll(async () => {
  sample = await volumeSample([{ id: 'monnaie' }, { id: 'cobotique' }]);
  const context = new RepositoryContext(new RepositoryLayout(sample.repo));
  sheets = await Promise.all(['monnaie', 'big-data', 'cobotique'].map((id) => collectSheet(context, id)));
  loaded = await loadLayout();
}, 60_000);
afterAll(() => sample.dispose());

const plan = (volume: Partial<Layout['volume']> = {}): ExportPlan =>
  planOfVolume(
    { sheets, title: 'Recueil', date: '2026-12-01' },
    { ...loaded, layout: { ...loaded.layout, volume: { ...loaded.layout.volume, ...volume } } },
  );

const ofKind = <K extends PlanPiece['kind']>(planned: ExportPlan, kind: K) =>
  planned.pieces.filter((piece): piece is Extract<PlanPiece, { kind: K }> => piece.kind === kind);

const firstFigures = (planned: ExportPlan) =>
  ofKind(planned, 'sheet').map(
    ({ sheet }) =>
      sheet.sections.flatMap((section) =>
        section.body.flatMap((node) => (node.number ? [node.number.number] : [])),
      )[0],
  );

describe('the volume’s plan', () => {
  it('has the cover, the opening once, the contents, then each family’s divider and sheets, then the figures', () => {
    const planned = plan();
    expect(planned.pieces.map((piece) => piece.kind)).toEqual([
      'cover',
      'front',
      'contents',
      'divider',
      'sheet',
      'divider',
      'sheet',
      'sheet',
      'figures',
    ]);
    // The opening text and the diagram are in the front matter, not on each sheet.
    expect(
      ofKind(planned, 'sheet').every(
        ({ sheet }) => sheet.opening.paragraphs.length === 0 && !sheet.opening.diagram,
      ),
    ).toBe(true);
    expect(
      ofKind(planned, 'contents')[0]?.contents.entries.map((entry) => `${entry.level} ${entry.text}`),
    ).toEqual([
      '1 Contexte économique global',
      '2 Monnaie',
      '1 Évolutions technologiques',
      '2 Big Data',
      '2 Cobotique',
    ]);
  });

  it('opens with the volume’s own text, the template’s, or a general one for a template without it', () => {
    const front = (planned: ExportPlan) => ofKind(planned, 'front')[0]?.front.paragraphs ?? [];
    const [first] = sheets as [PrintSheet, ...PrintSheet[]];
    const written = first.template.standardTexts.volumeOpening ?? [];
    expect(written.length).toBeGreaterThan(0);
    expect(front(plan())).toEqual(written.map(frenchSpaces));
    // A sheet speaks of « cette fiche »; the volume, of itself.
    expect(front(plan()).join(' ')).not.toMatch(/cette fiche/i);
    expect(front(plan())[0]).toMatch(/^Ce recueil/);

    const { volumeOpening: _, ...older } = first.template.standardTexts;
    const withoutIt = sheets.map((print) => ({
      ...print,
      template: { ...print.template, standardTexts: older },
    }));
    const planned = planOfVolume({ sheets: withoutIt, title: 'Recueil', date: '2026-12-01' }, loaded);
    expect(front(planned)).toEqual(DEFAULT_VOLUME_OPENING.map(frenchSpaces));
    expect(front(planned).join(' ')).not.toMatch(/cette fiche/i);
  });

  it('shows a family’s shared micro-scenarios once on its divider, or on each sheet', () => {
    const once = plan();
    const technology = ofKind(once, 'divider')[1]?.divider;
    expect(technology?.microScenarios).toBeDefined();
    expect(
      ofKind(once, 'sheet')
        .filter(({ sheet }) => sheet.microScenarios)
        .map(({ sheet }) => sheet.id),
    ).toEqual(['monnaie']);
    const each = plan({ sharedMicroScenarios: 'sheet' });
    expect(ofKind(each, 'divider').every(({ divider }) => !divider.microScenarios)).toBe(true);
    expect(ofKind(each, 'sheet').every(({ sheet }) => sheet.microScenarios)).toBe(true);
  });

  it('numbers figures per sheet, or through the volume', () => {
    expect(firstFigures(plan())).toEqual([1, 1, 1]);
    expect(firstFigures(plan({ numbering: 'volume' }))).toEqual([1, 3, 5]);
  });

  it('lists the parts of each sheet when asked', () => {
    const entries = ofKind(plan({ tocParts: true }), 'contents')[0]?.contents.entries ?? [];
    expect(entries.filter((entry) => entry.level === 3).map((entry) => entry.text)).toContain(
      'Trajectoire de la variable',
    );
  });

  it('starts each sheet on a right-hand page when asked, in Word too', async () => {
    const planned = plan({ sheetStart: 'rightHand' });
    expect(ofKind(planned, 'sheet').every(({ sheet }) => sheet.rightHand)).toBe(true);
    const xml = readDocx((await docxFromPlan(planned, loaded)).bytes).text('word/document.xml');
    expect(xml.match(/<w:type w:val="oddPage"\/>/g)?.length).toBeGreaterThanOrEqual(5);
  }, 60_000);
});
