/// <reference lib="dom" />
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { report } from './stats.js';

/**
 * What the browser benchmarks share: a Chromium that draws a frame as soon as the work is
 * done, a sheet opened as a user opens it, and the time from a key press to the next frame.
 */

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

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Opens a sheet from the host's address and returns the editor of one of its sections. */
export async function openSection(
  page: Page,
  url: string,
  sheetId: string,
  sectionId: string,
): Promise<Locator> {
  await page.goto(url);
  await page.evaluate((id) => {
    window.location.hash = `#/fiche/${id}`;
  }, sheetId);
  const editor = page.locator(`[data-testid="section-${sectionId}"] .ProseMirror`);
  await editor.waitFor();
  return editor;
}

/**
 * Types `count` characters of `text` where the cursor is, one key at a time, and returns
 * for each the time from its keydown to the next frame (measured in the page).
 */
export async function keystrokeToFrame(page: Page, text: string, count: number): Promise<number[]> {
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
  for (let i = 0; i < count; i += 1) {
    await page.keyboard.type(text[i % text.length] as string);
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(200);
  return page.evaluate(() => (window as unknown as { keystrokeSamples: number[] }).keystrokeSamples);
}

/**
 * The frames longer than 50 ms (Chromium's long animation frames: script, style, layout
 * and paint of one frame together) from `act` until `waitMs` after it: how long the page
 * froze while, say, a save it started ran.
 */
export async function longFramesAfter(
  page: Page,
  act: () => Promise<void>,
  waitMs: number,
): Promise<number[]> {
  type Watched = { longFrames: number[]; longFrameObserver?: PerformanceObserver };
  await page.evaluate(() => {
    const watched = window as unknown as Watched;
    watched.longFrameObserver?.disconnect();
    const frames: number[] = [];
    watched.longFrames = frames;
    watched.longFrameObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) frames.push(entry.duration);
    });
    watched.longFrameObserver.observe({ type: 'long-animation-frame' });
  });
  await act();
  await page.waitForTimeout(waitMs);
  return page.evaluate(() => {
    const watched = window as unknown as Watched;
    watched.longFrameObserver?.disconnect();
    return watched.longFrames;
  });
}

/** Reports the longest of `frames` (0 when none was over 50 ms), and how many there were. */
export function reportLongestFrame(name: string, frames: readonly number[]): void {
  report(name, Math.max(0, ...frames), 'ms', `${frames.length} frames over 50 ms; 0: none`);
}
