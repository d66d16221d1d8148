import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { textOf, type DocNode } from '../shared/content/doc.js';
import { expect, test } from './fixtures/host.js';
import { fixture, newSection } from './fixtures/paste.js';

// Playwright's trace snapshots read the layout of every element of the page, and the
// editor does not lay out the text blocks out of sight (content-visibility, editor.css):
// for the 26,000 blocks of this paste, that reading alone took minutes. So no trace here.
test.use({ trace: 'off' });

/**
 * The section's own blocks of a kind, whether at the editor's top level or in one of the
 * runs the editor holds far from the selection (renderer/editor/far-blocks/).
 */
const topLevel = (selector: string) => `:scope > ${selector}, :scope > .far-blocks > ${selector}`;

/**
 * Words (runs of letters or digits, counted in each text node), sub-headings, list items and
 * links: of the editor, or of `html` as the browser reads it (its <h2> became sub-headings).
 */
function countIn(editor: Element, { html, headings }: { html?: string; headings: string }) {
  const root = html ? new DOMParser().parseFromString(html, 'text/html').body : editor;
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let words = 0;
  while (walker.nextNode())
    words += (walker.currentNode.textContent ?? '').match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return {
    words,
    headings: root.querySelectorAll(headings).length,
    items: root.querySelectorAll('li').length,
    links: root.querySelectorAll('a[href]').length,
  };
}

test('un document Word de 30 pages et une page web de 4 Mo se collent en entier, et l’éditeur répond ensuite', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(180_000);
  const { sheet, blocks, section } = await newSection(page, fichesHost.url);
  const editor = blocks.editable(section);
  await blocks.paste(section, { html: await fixture('word-30-pages.html') });
  await expect(blocks.tables(section)).toHaveCount(30);
  await expect
    .poll(async () => (await blocks.captions(section, 'table')).at(-1))
    .toMatch(/^Tableau 30 : Taux d’équipement/);
  await expect(editor.locator(topLevel('h3'))).toHaveCount(30);

  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  const web = await fixture('large-web.html');
  expect(web.length).toBeGreaterThan(4_000_000);
  const before = await editor.evaluate(countIn, { headings: topLevel('h3') });
  await blocks.paste(section, { html: web });
  await expect(editor.locator(topLevel('h3')).last()).toHaveText(
    /^Partie \d{4} : les données de l’industrie$/,
    {
      timeout: 60_000,
    },
  );
  expect(await editor.locator(topLevel('h3')).count()).toBeGreaterThan(5000);
  // Held in runs, each laid out as one, except the blocks around the cursor.
  expect(await editor.locator(':scope > .far-blocks').count()).toBeGreaterThan(200);
  await expect(editor.locator('[class*="article"], [data-tracking-id]')).toHaveCount(0);
  // Landed whole: every word, heading, list item and link of the page, none twice.
  const pasted = await editor.evaluate(countIn, { headings: topLevel('h3') });
  const source = await editor.evaluate(countIn, { html: web, headings: 'h2' });
  expect({
    words: pasted.words - before.words,
    headings: pasted.headings - before.headings,
    items: pasted.items - before.items,
    links: pasted.links - before.links,
  }).toEqual(source);

  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Fin.');
  await expect(editor.locator(':scope > *').last()).toContainText('Fin.');
  // Some 15,000 blocks to send and write durably.
  await sheet.waitUntilSaved(60_000);

  // Saved whole: the sheet on disk holds the page's last part, once, and what was typed after it.
  const sectionId = (await section.getAttribute('data-testid'))?.replace(/^section-/, '') ?? '';
  const stored = JSON.parse(
    await readFile(path.join(fichesHost.repo, 'sheets', 'cobotique.json'), 'utf8'),
  ) as { sections: Record<string, DocNode> };
  const blocksText = (stored.sections[sectionId]?.content ?? []).map(textOf);
  const last =
    'Paragraphe 5215. Les entreprises produisent toujours plus de données, dont l’analyse permet d’anticiper les pannes et d’ajuster la production à la demande.';
  expect(blocksText.filter((text) => text === last)).toHaveLength(1);
  expect(blocksText.filter((text) => text === 'Partie 5215 : les données de l’industrie')).toHaveLength(1);
  // The page's last list, then the paragraph Ctrl+End and the typing added after it.
  expect(blocksText.slice(-2)).toEqual(['Point 5215.1 important\nPoint 5215.2', ' Fin.']);
  expect(blocksText.length).toBe(await editor.locator(topLevel(':not(.far-blocks)')).count());

  // Far up, in a run: the heading clicked takes what is typed, saved in its place; undone, it is as pasted.
  const heading = editor.locator(topLevel('h3')).filter({ hasText: /^Partie 100 :/ });
  const onScreen = async () => (await heading.boundingBox())?.y ?? Number.NaN;
  await heading.scrollIntoViewIfNeeded();
  const clickedAt = await onScreen();
  await heading.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' (relu)');
  await expect(heading).toHaveText('Partie 100 : les données de l’industrie (relu)');
  // Its run drawn anew around the cursor, the heading stayed where it was clicked.
  expect(Math.abs((await onScreen()) - clickedAt)).toBeLessThan(5);
  await sheet.waitUntilSaved(60_000);
  const edited = JSON.parse(
    await readFile(path.join(fichesHost.repo, 'sheets', 'cobotique.json'), 'utf8'),
  ) as { sections: Record<string, DocNode> };
  const editedText = (edited.sections[sectionId]?.content ?? []).map(textOf);
  expect(editedText.length).toBe(blocksText.length);
  expect(editedText.indexOf('Partie 100 : les données de l’industrie (relu)')).toBe(
    blocksText.indexOf('Partie 100 : les données de l’industrie'),
  );
  await page.keyboard.press('Control+z');
  await expect(heading).toHaveText('Partie 100 : les données de l’industrie');
});
