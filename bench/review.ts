import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DocNode } from '../shared/content/doc.js';
import type { CommentThread } from '../shared/model/review.js';
import { commentedText, commentThread, richParagraph } from '../shared/review/builders.js';
import { WordEdit } from '../main/services/review/testing/word-edit.js';
import { LONG_SHEET_ID, longSheetRepository, sampleRepository } from './fixtures.js';
import { keystrokeToFrame, launchChromium, openSection } from './frames.js';
import { serve } from './serve.js';
import { percentile, report } from './stats.js';

const COMMENTS = 200;
/** The long bench sheet of the Word and PDF benches: about 97 pages once exported. */
const LONG_SHEET = { words: 40_000, figures: 40, svgFigures: 10, tables: 10 };
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

const REVIEW_COMMENTS = 200;
const REVIEW_CHANGES = 500;

/**
 * The long bench sheet (about 97 pages) exported, then reviewed as Word would write it:
 * 200 comments (one reply each) and 500 tracked changes (insertions and deletions), runs
 * cut mid-word; imported back with everything offered (review:import, apply « all »):
 * reading, mapping onto parts, landing on the sheet, writing it, two revisions.
 */
export async function benchReviewImport(): Promise<void> {
  const { session, work } = await longSheetRepository('review-import', LONG_SHEET);
  try {
    const h = session.handlers;
    const { base64 } = await h['export:render']({ sheetId: LONG_SHEET_ID, format: 'docx' });
    const edit = new WordEdit(Buffer.from(base64, 'base64')).splitRuns();
    const paragraphs = edit.textParagraphs(320);
    const who = { author: 'Claire Dubois', date: '2025-04-02T10:00:00Z' };
    const perParagraph = REVIEW_CHANGES / 2;
    if (paragraphs.length < perParagraph) {
      throw new Error(`the long sheet has ${paragraphs.length} long paragraphs, too few for the edits`);
    }
    // In each of 250 long paragraphs, from its end backwards so that each edit finds its
    // words where they were: a deletion at its 300th character, an insertion at its 160th,
    // and in the first 200 a comment on its first words.
    // Words found first where wanted, so that each edit lands where it is meant to.
    const words = (text: string, from: number, length: number) => {
      const found = text.slice(from, from + length);
      return text.indexOf(found) === from ? found : undefined;
    };
    let comments = 0;
    let changes = 0;
    for (const { paragraph, text } of paragraphs) {
      if (changes >= REVIEW_CHANGES && comments >= REVIEW_COMMENTS) break;
      const deleted = words(text, 300, 14);
      const after = words(text, 150, 14);
      const commented = words(text, 0, 24);
      if (deleted && changes < REVIEW_CHANGES) {
        edit.delete(deleted, who.author, who.date, paragraph);
        changes += 1;
      }
      if (after && changes < REVIEW_CHANGES) {
        edit.insertAfter(after, ' (ajout)', who.author, who.date, paragraph);
        changes += 1;
      }
      if (commented && comments < REVIEW_COMMENTS) {
        edit.comment(
          commented,
          { ...who, text: `Remarque ${comments}` },
          [{ ...who, text: 'Réponse.' }],
          paragraph,
        );
        comments += 1;
      }
    }
    const reviewed = edit.save().toString('base64');
    const start = performance.now();
    const result = await h['review:import']({
      sheetId: LONG_SHEET_ID,
      name: 'relecture.docx',
      base64: reviewed,
      apply: 'all',
    });
    const ms = performance.now() - start;
    const anchored = result.comments.filter((comment) => comment.anchored).length;
    report(
      'review-import',
      ms,
      'ms',
      `${result.comments.length} comments (${anchored} on their words), ${result.changes.length} changes offered; target ≤ 3000`,
    );
  } finally {
    await session.close();
    await rm(work, { recursive: true, force: true });
  }
}
