import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DocNode } from '../shared/content/doc.js';
import type { CommentThread } from '../shared/model/review.js';
import { commentedText, commentThread, richParagraph } from '../shared/review/builders.js';
import { sampleRepository } from './fixtures.js';
import { keystrokeToFrame, launchChromium, openSection } from './frames.js';
import { serve } from './serve.js';
import { percentile, report } from './stats.js';

const COMMENTS = 200;
const PARAGRAPHS = 400;
const KEYSTROKES = 150;

/**
 * A section of 400 paragraphs holding 200 comment highlights (one in every other
 * paragraph; a quarter of the threads resolved), typed into in the real renderer in
 * Chromium with the Relecture panel open, listing every thread.
 */
function commentedSection(): { section: DocNode; threads: Record<string, CommentThread> } {
  const sentence = 'désigne un ensemble de données volumineux qui augmente de façon exponentielle.';
  const threads: Record<string, CommentThread> = {};
  const content = Array.from({ length: PARAGRAPHS }, (_, index) => {
    if (index % 2 === 1) return richParagraph(`${index + 1}. Le Big Data ${sentence}`);
    const id = `c-${index / 2}`;
    threads[id] = commentThread({
      id,
      part: 'section/trajectoire',
      quote: 'Le Big Data',
      text: `Commentaire n° ${index / 2} : à sourcer.`,
      ...(index % 8 === 0 ? { resolved: { by: 'Bruno Petit', at: '2025-03-12T10:00:00.000Z' } } : {}),
    });
    return richParagraph(`${index + 1}. `, commentedText('Le Big Data', id), ` ${sentence}`);
  });
  return { section: { type: 'doc', content }, threads };
}

export async function benchReview(): Promise<void> {
  const { path, session } = await sampleRepository('review');
  await session.handlers['sheets:create']({ variableId: 'cobotique' });
  const { section, threads } = commentedSection();
  await session.handlers['sheets:update']({
    id: 'cobotique',
    patch: { sections: { trajectoire: section }, threads },
  });
  await session.close();

  const host = await serve(path);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const editor = await openSection(page, host.url, 'cobotique', 'trajectoire');
    await page.getByTestId('review-toggle').click();
    await page.getByTestId('review-panel').waitFor();
    const highlights = await editor.locator('.comment-mark').count();
    if (highlights < COMMENTS)
      throw new Error(`the section shows ${highlights} highlights, expected ${COMMENTS}`);
    // In the middle of the section, just after a highlight.
    await editor
      .locator('p')
      .nth(PARAGRAPHS / 2)
      .click();
    await page.keyboard.press('End');
    const text = 'Une remarque tapée près des commentaires : chaque frappe doit rester fluide. ';
    const samples = await keystrokeToFrame(page, text, KEYSTROKES);
    report(
      'review-keystroke-200-comments-p50',
      percentile([...samples], 50),
      'ms',
      `${samples.length} keystrokes, panel open`,
    );
    report('review-keystroke-200-comments-p95', percentile([...samples], 95), 'ms', 'target ≤ 16');
  } finally {
    await browser.close();
    await host.stop();
    await rm(dirname(path), { recursive: true, force: true });
  }
}
