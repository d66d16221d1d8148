/// <reference lib="dom" />
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { doc, figure, paragraph, tableFigure } from '../shared/content/builders.js';
import type { DocNode } from '../shared/content/doc.js';
import { findAppRoot } from '../main/services/index.js';
import { pngImage } from '../main/services/testing/images.js';
import { sampleRepository } from './fixtures.js';
import {
  keystrokeToFrame,
  launchChromium,
  longFramesAfter,
  openSection,
  reportLongestFrame,
} from './frames.js';
import { serve } from './serve.js';
import { percentile, report } from './stats.js';

const FIGURES = 20;
const TABLES = 5;
const KEYSTROKES = 150;
const PASTES = 5;

const prose =
  'Les industriels régionaux collectent des données de production, de qualité et de maintenance pour mieux anticiper la demande.';

/** A section of 20 figures (each its own image) and 5 tables, with prose between them. */
function blocksSection(assets: readonly string[]): DocNode {
  const blocks: DocNode[] = [];
  assets.forEach((asset, index) => {
    blocks.push(paragraph(`${index + 1}. ${prose}`), paragraph(prose));
    blocks.push(figure(`Indicateur ${index + 1} de l’enquête`, 'Baromètre régional 2019', { asset }));
    if (index % (FIGURES / TABLES) === 0) {
      blocks.push(
        tableFigure(`Résultats ${index + 1}`, 'INSEE', [
          ['Activité', '2012', '2019'],
          ['Industrie', '7 %', '50 %'],
          ['Services', '9 %', '61 %'],
        ]),
      );
    }
  });
  blocks.push(paragraph(prose));
  return doc(...blocks);
}

/** Time from the paste event to the next frame, then to the first idle moment after it. */
async function timePaste(page: Page, html: string): Promise<{ frame: number; idle: number }> {
  return page.evaluate(async (pasted) => {
    const editor = document.querySelector('[data-testid="section-passe"] .ProseMirror') as HTMLElement;
    const data = new DataTransfer();
    data.setData('text/html', pasted);
    const start = performance.now();
    editor.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const frame = performance.now() - start;
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5000 }));
    return { frame, idle: performance.now() - start };
  }, html);
}

async function benchPaste(page: Page, name: string, html: string, runs: number, target = ''): Promise<void> {
  const frames: number[] = [];
  const idles: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const editor = page.locator('[data-testid="section-passe"] .ProseMirror');
    await editor.locator(':scope > p').first().click();
    const { frame, idle } = await timePaste(page, html);
    frames.push(frame);
    idles.push(idle);
    // Back to the section as it was, for the next run to paste into the same document.
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(300);
  }
  report(`${name}-to-frame-p50`, percentile([...frames], 50), 'ms', `${runs} pastes`);
  report(`${name}-to-idle-p50`, percentile([...idles], 50), 'ms', target);
  report(`${name}-to-idle-max`, Math.max(...idles), 'ms');
}

/**
 * Typing at the end of the 4 MB web page once pasted (15,650 blocks): each key to its
 * frame, then the longest frame while the save of one more word runs.
 */
async function benchTypingAfterPaste(page: Page, html: string): Promise<void> {
  const editor = page.locator('[data-testid="section-passe"] .ProseMirror');
  await editor.locator(':scope > p').first().click();
  await timePaste(page, html);
  await page.waitForTimeout(4000);
  const samples = await keystrokeToFrame(page, 'Suite du texte collé. ', 40);
  report(
    'keystroke-after-4-mb-paste-p50',
    percentile([...samples], 50),
    'ms',
    `${samples.length} keystrokes`,
  );
  await page.waitForTimeout(2500);
  const frames = await longFramesAfter(page, () => page.keyboard.type(' fin'), 4000);
  reportLongestFrame('autosave-after-4-mb-paste-longest-frame', frames);
}

/**
 * Typing in a section that holds 20 figures and 5 tables, and pasting a 30-page Word
 * document (and 4 MB of web page), in the real renderer in Chromium.
 */
export async function benchBlocks(): Promise<void> {
  const { path, session } = await sampleRepository('blocks');
  const assets: string[] = [];
  for (let i = 0; i < FIGURES; i += 1) {
    const image = pngImage(800, 400, [
      [28, 95, 158],
      [177, 71, 58 + i],
    ]);
    const { assetId } = await session.handlers['assets:import']({
      name: `graphique-${i + 1}.png`,
      mediaType: 'image/png',
      base64: image.toString('base64'),
    });
    assets.push(assetId);
  }
  await session.handlers['sheets:create']({ variableId: 'cobotique' });
  await session.handlers['sheets:update']({
    id: 'cobotique',
    patch: { sections: { trajectoire: blocksSection(assets), passe: doc(paragraph('Collage ici.')) } },
  });
  await session.close();

  const fixtures = join(findAppRoot(), 'e2e', 'fixtures', 'paste');
  const word = await readFile(join(fixtures, 'word-30-pages.html'), 'utf8');
  const web = await readFile(join(fixtures, 'large-web.html'), 'utf8');
  const host = await serve(path);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const editor = await openSection(page, host.url, 'cobotique', 'trajectoire');
    const shown = await editor.locator('[data-testid="figure-image"]').count();
    const tables = await editor.locator('[data-testid="table-figure"]').count();
    if (tables !== TABLES || (await editor.locator('[data-testid="figure"]').count()) !== FIGURES) {
      throw new Error(
        `the section shows ${tables} tables and ${shown} images, expected ${TABLES} and ${FIGURES}`,
      );
    }
    // In the prose between the 10th and 11th figures, half-way down the section.
    await editor.locator(':scope > p').nth(FIGURES).click();
    await page.keyboard.press('End');
    const samples = await keystrokeToFrame(page, 'Une phrase ajoutée entre deux figures. ', KEYSTROKES);
    report(
      'keystroke-20-figures-5-tables-p50',
      percentile([...samples], 50),
      'ms',
      `${samples.length} keystrokes`,
    );
    report('keystroke-20-figures-5-tables-p95', percentile([...samples], 95), 'ms', 'target ≤ 16');

    await benchPaste(page, 'paste-word-30-pages', word, PASTES, 'target ≤ 1000');
    await benchPaste(page, 'paste-web-4-mb', web, PASTES, 'target ≤ 1000');
    await benchTypingAfterPaste(page, web);
  } finally {
    await browser.close();
    await host.stop();
    await rm(dirname(path), { recursive: true, force: true });
  }
}
