import { patchDocument } from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Layout } from '../../../../shared/model/layout.js';
import { RepositoryContext } from '../../repository/context.js';
import { RepositoryLayout } from '../../repository/layout.js';
import { closeWorkers } from '../../worker/run-job.js';
import { ExportDeadline } from '../deadline.js';
import { loadLayout, type LoadedLayout } from '../layout/load-layout.js';
import { planOfVolume } from '../plan/volume.js';
import { collectSheet, type PrintSheet } from '../sheet-input.js';
import { readDocx } from '../testing/docx-parts.js';
import type { SampleRepository } from '../testing/sample.js';
import { volumeSample } from '../testing/volume.js';
import { docxFromPlan } from './build.js';
import type { RasterCache } from './images.js';
import type { Raster } from './raster.js';
import { renderFallbacks } from './render.js';

/**
 * The volume's page numbers, estimated piece by piece (page-numbers.ts), are those docx's
 * estimator gives when it lays out the whole document at once: the same page for every
 * entry of the contents and of the list of figures, right-hand starts and their blank
 * pages included.
 */

let sample: SampleRepository;
let sheets: PrintSheet[];
let loaded: LoadedLayout;
let rasters: RasterCache;

/** Two families: a sheet with its own micro-scenarios, then two sharing their family's. */
const IDS = ['monnaie', 'big-data', 'cobotique'];

beforeAll(async () => {
  sample = await volumeSample(
    IDS.map((id) => ({ id })),
    'published',
  );
  const context = new RepositoryContext(new RepositoryLayout(sample.repo));
  sheets = await Promise.all(IDS.map((id) => collectSheet(context, id)));
  loaded = await loadLayout();
  const deadline = new ExportDeadline(120_000);
  const rendered = new Map<string, Raster | { problem: string }>();
  for (const print of sheets) await renderFallbacks(print, loaded, deadline, rendered);
  rasters = rendered;
}, 120_000);
afterAll(async () => {
  await closeWorkers();
  await sample.dispose();
});

/** Every PAGEREF field of the body, in order: the bookmark it names and the page written in it. */
function pageReferences(bytes: Uint8Array): { bookmark: string; page: string }[] {
  const xml = readDocx(bytes).text('word/document.xml');
  const fields = xml.matchAll(
    /<w:instrText[^>]*>\s*PAGEREF (\S+)[^<]*<\/w:instrText>([\s\S]*?)<w:fldChar w:fldCharType="end"/g,
  );
  return [...fields].map(([, bookmark, result]) => ({
    bookmark: bookmark ?? '',
    page: [...(result ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((run) => run[1]).join(''),
  }));
}

async function volume(sheetStart: Layout['volume']['sheetStart']): Promise<Buffer> {
  const settings = {
    ...loaded,
    layout: { ...loaded.layout, volume: { ...loaded.layout.volume, sheetStart } },
  };
  const plan = planOfVolume({ sheets, title: 'Recueil', date: '2026-12-01' }, settings);
  return (await docxFromPlan(plan, settings, rasters)).bytes;
}

/** The same document, its numbers estimated again by docx over the whole of it. */
async function estimatedWhole(bytes: Buffer): Promise<Buffer> {
  return patchDocument({
    outputType: 'nodebuffer',
    data: bytes,
    patches: {},
    pageNumbers: estimatePageNumbersWith({ guess: true }),
  });
}

describe('the piecewise page numbers', () => {
  it.each(['page', 'rightHand'] as const)(
    'are those of the whole document laid out at once (sheets start: %s)',
    async (sheetStart) => {
      const bytes = await volume(sheetStart);
      const ours = pageReferences(bytes);
      expect(ours.length).toBeGreaterThan(10);
      expect(ours.every((reference) => /^\d+$/.test(reference.page))).toBe(true);
      expect(pageReferences(await estimatedWhole(bytes))).toEqual(ours);
      if (sheetStart === 'rightHand') {
        const sheetPages = ours.filter((reference) => reference.bookmark.startsWith('b_fiche_'));
        expect(sheetPages.map((reference) => Number(reference.page) % 2)).toEqual(sheetPages.map(() => 1));
      }
    },
    180_000,
  );
});
