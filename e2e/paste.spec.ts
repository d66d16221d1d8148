import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures/host.js';
import { fixture, newSection } from './fixtures/paste.js';
import type { BlocksPage } from './pages/BlocksPage.js';

/** The structure a user sees of a pasted Word page: headings, nested lists, table, marks. */
async function expectWordStructure(section: Locator, blocks: BlocksPage): Promise<void> {
  const editor = blocks.editable(section);
  await expect(editor.locator(':scope > h3')).toHaveText(
    'Le Big Data dans l’industrie régionale (section 1)',
  );
  await expect(editor.locator(':scope > h4')).toHaveText('Les étapes d’un projet de données');
  const numbered = editor.locator(':scope > ol');
  await expect(numbered.locator(':scope > li > p')).toHaveText([
    'Collecter les données',
    /Stocker et sécuriser les données/,
    'Analyser et décider',
  ]);
  const letters = numbered.locator(':scope > li > ol[type="a"]');
  await expect(letters.locator(':scope > li > p')).toHaveText([
    'Capteurs des machines',
    'Systèmes de gestion',
  ]);
  await expect(letters.locator(':scope > li > ol[type="i"] > li')).toHaveText(
    'Progiciels de gestion intégrés',
  );
  await expect(editor.locator(':scope > ul > li > ul > li')).toHaveText('de la matière première au client');
  await expect(editor.locator('strong').first()).toHaveText('volumineuses');
  await expect(editor.locator('a[href="https://www.example.org/etude-idc"]')).toHaveText('l’étude IDC');
  const table = blocks.tables(section);
  await expect(table).toHaveCount(1);
  await expect
    .poll(() => blocks.captions(section, 'table'))
    .toEqual(['Tableau 1 : Taux d’équipement des entreprises en solutions Big Data']);
  await expect(table.locator('th')).toHaveText(['Activité', '2012', '2019']);
  await expect(table.locator('tr')).toHaveCount(3);
  await expect(table.locator('.source-line')).toContainText('IDC et ATOS, enquête auprès de 100 entreprises');
  // Word's noise is gone: comments, typed bullets and numbers, fonts, colours, empty paragraphs.
  await expect(editor).not.toContainText('[AH1]');
  await expect(editor).not.toContainText('·');
  await expect(editor.locator('[style*="Comic"], [style*="color"], [class*="Mso"], font')).toHaveCount(0);
  const blankParagraphs = await editor
    .locator(':scope > p:not(:last-child)')
    .evaluateAll((paragraphs) => paragraphs.filter((p) => (p.textContent ?? '').trim() === '').length);
  expect(blankParagraphs).toBe(0);
}

test('un collage depuis Word garde titres, listes numérotées imbriquées, tableau et mises en valeur', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(60_000);
  const { sheet, blocks, section } = await newSection(page, fichesHost.url);
  await blocks.paste(section, { html: await fixture('word.html'), text: 'texte brut de secours' });
  await expectWordStructure(section, blocks);
  await expect(blocks.notice('info')).toContainText('Word ne donne pas ses images avec le texte copié');
  await expect(blocks.editable(section)).toContainText('Texte déjà là.');

  await sheet.waitUntilSaved();
  await page.reload();
  await expectWordStructure(section, blocks);
});

test('un collage piégé n’exécute rien et ne laisse aucun lien dangereux', async ({ page, fichesHost }) => {
  test.setTimeout(60_000);
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const { sheet, blocks, section } = await newSection(page, fichesHost.url);
  const editor = blocks.editable(section);

  const expectHarmless = async () => {
    await expect(editor).toContainText('Titre piégé');
    await expect(editor).toContainText('Texte final sûr.');
    const hrefs = await editor
      .locator('a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toEqual(['https://www.example.org/sain']);
    const active = await editor.evaluate((root) => {
      const found: string[] = [];
      // ProseMirror's own cursor helper (an empty <img class="ProseMirror-separator">) is not pasted content.
      for (const element of Array.from(root.querySelectorAll('*:not(.ProseMirror-separator)'))) {
        if (
          /^(script|iframe|object|embed|svg|math|form|img|video|audio|style|link|meta|base)$/i.test(
            element.localName,
          )
        ) {
          found.push(`<${element.localName}>`);
        }
        for (const attribute of Array.from(element.attributes)) {
          if (/^on/i.test(attribute.name) || /^\s*(javascript|vbscript|data):/i.test(attribute.value)) {
            found.push(`${attribute.name}=${attribute.value}`);
          }
        }
      }
      return found;
    });
    expect(active).toEqual([]);
    expect(
      await page.evaluate(() => (window as unknown as { __pasteRan?: boolean }).__pasteRan),
    ).toBeUndefined();
  };

  await blocks.paste(section, { html: await fixture('malicious.html'), text: 'texte' });
  await expectHarmless();
  await sheet.waitUntilSaved();
  const saved = await readFile(path.join(fichesHost.repo, 'sheets', 'cobotique.json'), 'utf8');
  expect(saved).not.toMatch(/javascript:|vbscript:|alert\(|onerror|<script/i);

  await page.reload();
  await expectHarmless();
  // Give anything that could have been scheduled a chance to run.
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

test('un collage depuis LibreOffice importe son image comme figure, avec légende et source', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(60_000);
  const { sheet, blocks, section } = await newSection(page, fichesHost.url);
  await blocks.paste(section, { html: await fixture('libreoffice.html') });
  const figure = blocks.figures(section);
  await expect(figure).toHaveCount(1);
  await blocks.expectImageShown(figure);
  await expect.poll(() => blocks.captions(section)).toEqual(['Figure 1 : Répartition des usages']);
  expect(await blocks.sources(section)).toEqual(['Baromètre régional des entreprises 2019']);
  await expect
    .poll(() => blocks.captions(section, 'table'))
    .toEqual(['Tableau 1 : Taux d’équipement des entreprises']);
  const editor = blocks.editable(section);
  await expect(editor.locator(':scope > ol > li > ol[type="a"] > li')).toHaveCount(2);
  await expect(
    editor
      .locator('u a[href="https://www.example.org/big-data"], a[href="https://www.example.org/big-data"]')
      .first(),
  ).toBeVisible();

  await sheet.waitUntilSaved();
  await page.reload();
  await blocks.expectImageShown(blocks.figures(section));
  const saved = await readFile(path.join(fichesHost.repo, 'sheets', 'cobotique.json'), 'utf8');
  expect(saved).not.toMatch(/base64|data:image/);
});

test('la feuille de style d’une page web collée rend encore le gras, le souligné et le texte caché', async ({
  page,
  fichesHost,
}) => {
  const { blocks, section } = await newSection(page, fichesHost.url);
  await blocks.paste(section, {
    html: [
      '<html><head><style>',
      '.gras { font-weight: 700; color: #333 } .cache { display: none; margin: 0 }',
      '.souligne { text-decoration: underline; font-family: Georgia } .bloc { padding: 4px }',
      '</style></head><body><p class="bloc">Un <span class="gras">mot gras</span>,',
      '<span class="cache">un texte caché</span> <span class="souligne">un mot souligné</span>.</p>',
      '<p class="bloc">Suite du texte.</p></body></html>',
    ].join(''),
  });
  const editor = blocks.editable(section);
  await expect(editor.locator(':scope > p')).toHaveText([
    'Texte déjà là.',
    'Un mot gras, un mot souligné.',
    'Suite du texte.',
  ]);
  await expect(editor.locator('strong')).toHaveText('mot gras');
  await expect(editor.locator('u')).toHaveText('un mot souligné');
  await expect(editor.locator('[style], [class="bloc"]')).toHaveCount(0);
});

test('un collage de texte brut garde ses paragraphes', async ({ page, fichesHost }) => {
  const { blocks, section } = await newSection(page, fichesHost.url);
  await blocks.paste(section, {
    text: 'Premier paragraphe.\n\nDeuxième paragraphe.\r\nTroisième, sur sa ligne.',
  });
  await expect(blocks.editable(section).locator(':scope > p')).toHaveText([
    'Texte déjà là.',
    'Premier paragraphe.',
    'Deuxième paragraphe.',
    'Troisième, sur sa ligne.',
  ]);
});

test('l’éditeur garde sa sélection à lui : React ne la recalcule pas à chaque rendu', async ({
  page,
  fichesHost,
}) => {
  const { blocks, section } = await newSection(page, fichesHost.url);
  const editor = blocks.editable(section);
  await expect(editor).toHaveAttribute('contenteditable', 'true');
  expect(
    await editor.evaluate((element: HTMLElement) => ({
      editable: element.isContentEditable,
      forReact: element.contentEditable,
    })),
  ).toEqual({ editable: true, forReact: 'inherit' });
  await page.keyboard.type(' Suite tapée.');
  await expect(editor.locator(':scope > p').last()).toHaveText('Suite tapée.');
});
