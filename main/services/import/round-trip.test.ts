import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocNode } from '../../../shared/content/doc.js';
import type { SheetFile } from '../../../shared/model/sheet.js';
import { canonicalJson } from '../../../shared/history/canonical.js';
import { openSample, type SampleRepository } from '../export/testing/sample.js';
import { syntheticSections } from '../export/testing/synthetic.js';
import { pngImage } from '../testing/images.js';
import { canonicalDoc, importFile } from './testing/import-file.js';
import { richScenarios, richSections } from './testing/rich-sheet.js';

/**
 * A sheet exported to Word by Fiches and imported back is the same sheet: the same
 * sections, blocks, marks, captions, sources, cells and micro-scenarios. On the Big Data
 * sample, on the long bench sheet, and on a sheet using every block and mark.
 */

let sample: SampleRepository;
let other: SampleRepository | undefined;
beforeEach(async () => {
  sample = await openSample();
});
afterEach(async () => {
  await sample.dispose();
  await other?.dispose();
  other = undefined;
});

async function exportDocx(repository: SampleRepository, sheetId: string): Promise<Buffer> {
  const rendered = await repository.session.handlers['export:render']({ sheetId, format: 'docx' });
  return Buffer.from(rendered.base64, 'base64');
}

async function sheetOf(repository: SampleRepository, sheetId: string): Promise<SheetFile> {
  return (await repository.session.handlers['sheets:get']({ id: sheetId })).sheet;
}

function expectSameContent(after: SheetFile, before: SheetFile): void {
  for (const [id, doc] of Object.entries(before.sections)) {
    expect(canonicalDoc(after.sections[id]), `section ${id}`).toBe(canonicalDoc(doc));
  }
  expect(after.microScenarios.useFamily).toBe(before.microScenarios.useFamily);
  const scenarios = (sheet: SheetFile) =>
    canonicalJson(
      Object.fromEntries(
        Object.entries(sheet.microScenarios.scenarios).map(([id, scenario]) => [
          id,
          {
            title: scenario.title,
            angles: Object.fromEntries(
              Object.entries(scenario.angles).map(([angle, doc]) => [angle, canonicalDoc(doc)]),
            ),
          },
        ]),
      ),
    );
  expect(scenarios(after)).toBe(scenarios(before));
}

const countOf = (docs: DocNode[], type: string): number =>
  docs.reduce((sum, node) => sum + (node.type === type ? 1 : 0) + countOf(node.content ?? [], type), 0);

describe('round trip: exported by Fiches, imported back', () => {
  it('gives back the Big Data sample, as a new revision that changes nothing', async () => {
    const h = sample.session.handlers;
    const before = await sheetOf(sample, 'big-data');
    const { proposal, result } = await importFile(h, 'big-data.docx', await exportDocx(sample, 'big-data'));
    expect(proposal).toMatchObject({ variableId: 'big-data', existingSheet: true, title: 'Big Data' });
    expect(proposal.parts.every((part) => part.proposed.kind !== 'unplaced')).toBe(true);
    expect(result).toMatchObject({ sheetId: 'big-data', created: false, usesFamilyScenarios: true });
    const after = await sheetOf(sample, 'big-data');
    expectSameContent(after, before);
    // The imported state is a revision of its own, after the state before the import; nothing differs.
    const { revisions } = await h['history:list']({ sheetId: 'big-data' });
    expect(revisions.slice(0, 2).map((revision) => [revision.kind, revision.source ?? null])).toEqual([
      ['imported', 'big-data.docx'],
      ['import', null],
    ]);
    expect(revisions[0]?.changed).toEqual([]);
  });

  it('gives back the long bench sheet, images and all, into another repository', async () => {
    const h = sample.session.handlers;
    const template = await h['template:get']({});
    const sections = await syntheticSections(sample.repo, template, {
      words: 40_000,
      figures: 40,
      svgFigures: 10,
      tables: 10,
    });
    await h['sheets:create']({ variableId: 'intelligence-artificielle' });
    await h['sheets:update']({ id: 'intelligence-artificielle', patch: { sections } });
    const before = await sheetOf(sample, 'intelligence-artificielle');
    const docx = await exportDocx(sample, 'intelligence-artificielle');

    other = await openSample();
    const { proposal, result } = await importFile(other.session.handlers, 'ia.docx', docx);
    expect(proposal).toMatchObject({ variableId: 'intelligence-artificielle', existingSheet: false });
    expect(result).toMatchObject({ created: true, usesFamilyScenarios: true });
    expect(result.revision).toMatchObject({ kind: 'imported', source: 'ia.docx' });
    const after = await sheetOf(other, 'intelligence-artificielle');
    expectSameContent(after, before);
    const docs = Object.values(after.sections);
    expect([countOf(docs, 'figure'), countOf(docs, 'tableFigure'), countOf(docs, 'encadre')]).toEqual([
      40,
      10,
      countOf(Object.values(before.sections), 'encadre'),
    ]);
    // The images came with the file, byte for byte, under the same names.
    const assets = new Set<string>();
    JSON.stringify(after.sections, (key, value: unknown) => {
      if (key === 'asset' && typeof value === 'string') assets.add(value);
      return value;
    });
    expect(assets.size).toBe(40);
    for (const asset of assets) {
      expect(
        (await readFile(join(other.repo, 'assets', asset))).equals(
          await readFile(join(sample.repo, 'assets', asset)),
        ),
      ).toBe(true);
    }
  });

  it('gives back every block and mark, the sheet’s own micro-scenarios and its figures of both widths', async () => {
    const h = sample.session.handlers;
    const png = await h['assets:import']({
      name: 'carte.png',
      mediaType: 'image/png',
      base64: pngImage(60, 30).toString('base64'),
    });
    const svg = await h['assets:import']({
      name: 'freins.svg',
      mediaType: 'image/svg+xml',
      base64: Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="32"><rect width="64" height="32" fill="#0a7fa8"/></svg>',
      ).toString('base64'),
    });
    await h['sheets:create']({ variableId: 'cobotique' });
    await h['sheets:update']({
      id: 'cobotique',
      patch: {
        sections: richSections({ png: png.assetId, svg: svg.assetId }),
        scenarios: richScenarios(),
        useFamilyMicroScenarios: false,
      },
    });
    const before = await sheetOf(sample, 'cobotique');
    const { result } = await importFile(h, 'cobotique.docx', await exportDocx(sample, 'cobotique'));
    expect(result).toMatchObject({ created: false, usesFamilyScenarios: false });
    expect(result.warnings).toEqual([
      expect.stringContaining('le document n’a qu’un cadre «\u00a0Image manquante\u00a0» à sa place'),
    ]);
    expectSameContent(await sheetOf(sample, 'cobotique'), before);
  });
});
