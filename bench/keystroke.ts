import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { longSection, sampleRepository } from './fixtures.js';
import {
  keystrokeToFrame,
  launchChromium,
  longFramesAfter,
  openSection,
  reportLongestFrame,
} from './frames.js';
import { serve } from './serve.js';
import { percentile, report } from './stats.js';

const PARAGRAPHS = 1000;
const KEYSTROKES = 150;

/** Keystroke to next frame in a section of 1,000 paragraphs, in the real renderer in Chromium. */
export async function benchKeystroke(): Promise<void> {
  const { path, session } = await sampleRepository('keystroke');
  await session.handlers['sheets:create']({ variableId: 'cobotique' });
  await session.handlers['sheets:update']({
    id: 'cobotique',
    patch: { sections: { trajectoire: longSection(PARAGRAPHS) } },
  });
  await session.close();

  const host = await serve(path);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const editor = await openSection(page, host.url, 'cobotique', 'trajectoire');
    await editor.locator('p').last().click();
    await page.keyboard.press('End');
    const text = 'Saisie dans une longue section : chaque frappe doit rester fluide. ';
    const samples = await keystrokeToFrame(page, text, KEYSTROKES);
    const paragraphs = await editor.locator('p').count();
    if (paragraphs < PARAGRAPHS)
      throw new Error(`the section shows ${paragraphs} paragraphs, expected ${PARAGRAPHS}`);
    report(
      'keystroke-1000-paragraphs-p50',
      percentile([...samples], 50),
      'ms',
      `${samples.length} keystrokes`,
    );
    report('keystroke-1000-paragraphs-p95', percentile([...samples], 95), 'ms', 'target ≤ 16');

    // One more word after a pause: its save (serialising, journal, request) and its count
    // run in the page, which should not freeze meanwhile.
    await page.waitForTimeout(2500);
    const frames = await longFramesAfter(page, () => page.keyboard.type(' fin'), 3000);
    reportLongestFrame('autosave-1000-paragraphs-longest-frame', frames);
  } finally {
    await browser.close();
    await host.stop();
    await rm(dirname(path), { recursive: true, force: true });
  }
}
