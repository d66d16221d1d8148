/// <reference lib="dom" />
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { chromium } from '@playwright/test';
import { longSection, sampleRepository } from './fixtures.js';
import { serve } from './serve.js';
import { percentile, report } from './stats.js';

const PARAGRAPHS = 1000;
const KEYSTROKES = 150;

// vsync and the frame-rate limit are off so a frame is produced as soon as the work is
// done: the figure is then the cost of a keystroke, not the wait for the next vsync tick.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu-vsync',
  '--disable-frame-rate-limit',
];

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
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.evaluate(() => {
      window.location.hash = '#/fiche/cobotique';
    });
    const editor = page.locator('[data-testid="section-trajectoire"] .ProseMirror');
    await editor.waitFor();
    await editor.locator('p').last().click();
    await page.keyboard.press('End');
    await page.evaluate(() => {
      const samples: number[] = [];
      (window as unknown as { keystrokeSamples: number[] }).keystrokeSamples = samples;
      document.addEventListener(
        'keydown',
        () => {
          const start = performance.now();
          requestAnimationFrame(() => setTimeout(() => samples.push(performance.now() - start), 0));
        },
        true,
      );
    });
    const text = 'Saisie dans une longue section : chaque frappe doit rester fluide. ';
    for (let i = 0; i < KEYSTROKES; i += 1) {
      await page.keyboard.type(text[i % text.length] as string);
      await page.waitForTimeout(20);
    }
    await page.waitForTimeout(200);
    const samples = await page.evaluate(
      () => (window as unknown as { keystrokeSamples: number[] }).keystrokeSamples,
    );
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
  } finally {
    await browser.close();
    await host.stop();
    await rm(dirname(path), { recursive: true, force: true });
  }
}
