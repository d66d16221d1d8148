import { writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures/host.js';
import { CLAIRE, exportedToWord } from './fixtures/word-review.js';
import { HistoryPanel } from './pages/HistoryPanel.js';
import { HomePage } from './pages/HomePage.js';
import { ReviewPanel } from './pages/ReviewPanel.js';
import { openForReview } from './pages/open-for-review.js';
import type { SheetPage } from './pages/SheetPage.js';

/** The review of a sheet in the interface: comments on any part, their thread, suggestions. */

const NO_HIGHLIGHT = 'rgba(0, 0, 0, 0)';
const highlight = (sheet: SheetPage, part: string) => sheet.section(part).locator('.comment-mark').first();

test('commenter, répondre, résoudre, rouvrir, modifier puis supprimer son commentaire', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(90_000);
  const { sheet, review } = await openForReview(page, fichesHost.url);

  const passe = sheet.editable(sheet.section('passe'));
  const thread = await review.comment(passe, 'une histoire récente', 'Depuis quand exactement ?');
  await expect(review.part('section/passe')).toContainText('une histoire récente');
  await expect(highlight(sheet, 'passe')).toHaveText('une histoire récente');
  await expect(review.openCount).toHaveText('1');
  await sheet.waitUntilSaved();

  // Saved with the sheet: there after a reload, highlighted, in the panel.
  await page.reload();
  await review.open();
  const saved = review.thread('une histoire récente');
  await expect(saved).toContainText('Depuis quand exactement\u202f?');
  await expect(highlight(sheet, 'passe')).toHaveText('une histoire récente');

  // Clicking the thread selects its text in the section.
  await saved.getByTestId('thread-quote').click();
  await expect.poll(() => page.evaluate(() => String(window.getSelection()))).toBe('une histoire récente');

  await review.reply(saved, 'Fin des années 1990, selon l’étude.');
  await review.edit(saved, 'Depuis quand, exactement ?');
  await expect(saved.getByTestId('thread-text')).toHaveText('Depuis quand, exactement\u202f?');
  await expect(saved).toContainText('(modifié)');

  await review.resolve(saved);
  // Resolved threads wait behind the filter; their text is no longer highlighted.
  await expect(saved).toBeHidden();
  await expect(review.panel.getByTestId('review-empty')).toContainText('tous sont résolus');
  await expect(highlight(sheet, 'passe')).toHaveCSS('background-color', NO_HIGHLIGHT);
  await expect(review.openCount).toBeHidden();
  await review.setShowResolved(true);
  await expect(saved).toHaveAttribute('data-state', 'resolved');
  await expect(saved.getByTestId('thread-resolution')).toContainText('Résolu par');
  await review.reopen(saved);
  await expect(highlight(sheet, 'passe')).not.toHaveCSS('background-color', NO_HIGHLIGHT);

  // One's own reply, then the thread itself, can be deleted; the text is highlighted no more.
  await review.delete(saved.locator('[data-testid^="reply-"]').first());
  await expect(saved.locator('[data-testid^="reply-"]')).toHaveCount(0);
  await review.delete(saved);
  await expect(review.threads).toHaveCount(0);
  await expect(sheet.section('passe').locator('.comment-mark')).toHaveCount(0);
  await sheet.waitUntilSaved();
  await page.reload();
  await review.open();
  await expect(review.threads).toHaveCount(0);
  await expect(thread).toHaveCount(0);
});

test('le commentaire d’un autre se lit, se résout et reçoit des réponses, mais ne se modifie pas', async ({
  page,
  fichesHost,
}) => {
  await fichesHost.call('sheets:update', {
    id: 'big-data',
    patch: {
      sections: {
        'present-region': {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'L’industrie régionale ' },
                {
                  type: 'text',
                  text: 'utilise le numérique',
                  marks: [{ type: 'comment', attrs: { thread: 'c-bruno' } }],
                },
                { type: 'text', text: ' plus que ' },
                // An anchor whose thread is gone (deleted in another copy of the sheet): no highlight.
                {
                  type: 'text',
                  text: 'les autres activités',
                  marks: [{ type: 'comment', attrs: { thread: 'c-parti' } }],
                },
                { type: 'text', text: '.' },
              ],
            },
          ],
        },
      },
      threads: {
        'c-bruno': {
          id: 'c-bruno',
          author: 'Bruno Petit',
          at: '2025-03-12T09:00:00.000Z',
          text: 'Citer le baromètre.',
          part: 'section/present-region',
          quote: 'utilise le numérique',
          replies: [],
        },
      },
    },
  });
  const home = new HomePage(page);
  const review = new ReviewPanel(page);
  await home.open(fichesHost.url);
  await home.openSheet('big-data');
  await review.open();
  const thread = review.thread('utilise le numérique');
  await expect(thread).toContainText('Bruno Petit');
  const region = page.getByTestId('section-present-region');
  await expect(region.locator('[data-thread="c-bruno"]')).not.toHaveCSS('background-color', NO_HIGHLIGHT);
  await expect(region.locator('[data-thread="c-parti"]')).toHaveCSS('background-color', NO_HIGHLIGHT);
  await expect(review.threads).toHaveCount(1);
  await expect(thread.getByTestId('thread-edit')).toHaveCount(0);
  await expect(thread.getByTestId('thread-delete')).toHaveCount(0);
  await review.reply(thread, 'Ajouté en source.');
  // One's own reply is one's own: it can be edited.
  await expect(thread.locator('[data-testid^="reply-"]').getByTestId('thread-edit')).toHaveCount(1);
  await review.resolve(thread);
  await review.setShowResolved(true);
  await expect(thread).toHaveAttribute('data-state', 'resolved');
});

test('commenter un titre de scénario, un encadré et une légende ; Ctrl+Alt+M comme dans Word', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(90_000);
  const { sheet, review } = await openForReview(page, fichesHost.url);
  await sheet.setUseFamily(false);
  await sheet.typeTitle('basse', 'LA DONNÉE SANS MAÎTRE');
  await sheet.waitUntilSaved();

  await review.comment(sheet.scenarioTitle('basse'), 'SANS MAÎTRE', 'Titre trop dur ?', 'shortcut');
  await review.comment(
    sheet.editable(sheet.section('futurs')),
    'Health Data Hub',
    'Donner le sigle.',
    'shortcut',
  );
  await review.comment(sheet.editable(sheet.section('passe')), 'principaux freins', 'Combien ?');
  await expect(review.part('scenario/basse/title')).toContainText('SANS MAÎTRE');
  await expect(review.part('section/futurs')).toContainText('Health Data Hub');
  await expect(review.part('section/passe')).toContainText('principaux freins');
  await expect(sheet.section('futurs').locator('.encadre .comment-mark')).toHaveText('Health Data Hub');
  await expect(sheet.section('passe').locator('figcaption .comment-mark')).toHaveText('principaux freins');
  await expect(page.getByTestId('scenario-basse-title').locator('.comment-mark')).toHaveText('SANS MAÎTRE');

  // The title's anchor follows an edit before it.
  await sheet.scenarioTitle('basse').click();
  await page.keyboard.press('Home');
  await page.keyboard.type('OUI, ');
  await sheet.waitUntilSaved();
  await page.reload();
  await review.open();
  await expect(sheet.scenarioTitle('basse')).toHaveText('OUI, LA DONNÉE SANS MAÎTRE');
  await expect(page.getByTestId('scenario-basse-title').locator('.comment-mark')).toHaveText('SANS MAÎTRE');
  await expect(review.threads).toHaveCount(3);
  await review.thread('SANS MAÎTRE').getByTestId('thread-quote').click();
  await expect.poll(() => page.evaluate(() => String(window.getSelection()))).toBe('SANS MAÎTRE');
});

test('un fil dont le texte est supprimé reste listé, « texte supprimé », avec sa citation', async ({
  page,
  fichesHost,
}) => {
  const { sheet, review } = await openForReview(page, fichesHost.url);
  const passe = sheet.editable(sheet.section('passe'));
  const thread = await review.comment(passe, 'une histoire récente', 'À dater.');
  await expect(thread).toHaveAttribute('data-anchored', 'true');

  await review.select(passe, 'a une histoire récente');
  await page.keyboard.press('Backspace');
  await sheet.waitUntilSaved();
  await expect(thread).toHaveAttribute('data-anchored', 'false');
  await expect(thread.getByTestId('thread-orphan')).toHaveText('texte supprimé');
  await expect(thread.getByTestId('thread-quote')).toContainText('une histoire récente');

  await page.reload();
  await review.open();
  const kept = review.thread('une histoire récente');
  await expect(kept.getByTestId('thread-orphan')).toHaveText('texte supprimé');
  await expect(kept).toContainText('À dater.');
});

test('l’ancre suit le texte modifié ; la comparaison liste les fils nouveaux et résolus', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(60_000);
  const history = new HistoryPanel(page);
  const { sheet, review } = await openForReview(page, fichesHost.url);
  const passe = sheet.editable(sheet.section('passe'));
  await review.comment(passe, 'une histoire récente', 'À dater.');

  // Words typed before and inside the commented text: the highlight follows its words.
  await review.select(passe, 'une histoire');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('vraiment ');
  await review.select(passe, 'histoire');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(' assez');
  await expect(highlight(sheet, 'passe')).toHaveText('une histoire assez récente');
  await expect(sheet.section('passe')).toContainText('vraiment une histoire assez récente');
  await sheet.waitUntilSaved();
  await review.close();
  await history.open();
  await history.saveVersion('Avant la relecture');
  const namedSeq = await history.seqOf(history.entriesOfKind('named').first());
  await history.close();

  await review.open();
  // The panel quotes the words as they are now.
  const first = review.thread('une histoire assez récente');
  await expect(first).toContainText('À dater.');
  await review.resolve(first);
  await review.comment(passe, 'cabinet IDC', 'Lien vers l’étude ?');
  await sheet.waitUntilSaved();
  await review.close();
  await history.open();
  await history.compareWithCurrent(namedSeq);
  const compared = history.compareView.getByTestId('compare-review');
  await expect(compared.getByTestId('compare-thread-new')).toContainText('cabinet IDC');
  await expect(compared.getByTestId('compare-thread-resolved')).toContainText('une histoire assez récente');
});

test('passer à « Validée » avec des fils ouverts demande confirmation ; l’accueil les compte', async ({
  page,
  fichesHost,
}) => {
  const { home, sheet, review } = await openForReview(page, fichesHost.url);
  const passe = sheet.editable(sheet.section('passe'));
  await review.comment(passe, 'une histoire récente', 'À dater.');
  await review.comment(passe, 'cabinet IDC', 'Lien vers l’étude ?');
  await review.close();

  await sheet.setStatus('Validée');
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog.getByTestId('status-open-threads')).toHaveText(
    '2\u00a0fils de commentaires sont encore ouverts. Vous pouvez les résoudre depuis «\u00a0Relecture\u00a0», ou changer le statut quand même.',
  );
  await dialog.getByTestId('confirm-cancel').click();
  await expect(sheet.status).toHaveValue('review');

  await sheet.setStatus('Validée');
  await page.getByTestId('confirm-ok').click();
  await expect(sheet.status).toHaveValue('validated');
  await sheet.waitUntilSaved();

  await home.goHome();
  await expect(page.getByTestId('variable-threads-big-data')).toHaveText('2\u00a0commentaires ouverts');
  await expect(page.getByTestId('variable-threads-cobotique')).toHaveCount(0);
});

test('accepter et refuser des modifications proposées, une à une, par partie, ou toutes', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(90_000);
  const anne = (id: string, kind: 'insertion' | 'deletion') => ({
    type: kind,
    attrs: { id, author: 'Anne Martin', date: '2025-03-12T10:00:00Z' },
  });
  const text = (value: string, ...marks: object[]) => ({
    type: 'text',
    text: value,
    ...(marks.length ? { marks } : {}),
  });
  const paragraph = (...content: object[]) => ({ type: 'paragraph', content });
  const answer = await fichesHost.call('sheets:update', {
    id: 'big-data',
    patch: {
      sections: {
        passe: {
          type: 'doc',
          content: [
            paragraph(
              text('Le Big Data '),
              text('massif ', anne('s-1', 'insertion')),
              text('a une histoire'),
              text(' très', anne('s-2', 'deletion')),
              text(' récente.'),
            ),
            paragraph(text('Un second paragraphe'), text(' en trop', anne('s-3', 'deletion')), text('.')),
          ],
        },
        futurs: {
          type: 'doc',
          content: [
            paragraph(
              text('Demain, '),
              text('sans doute ', anne('s-4', 'insertion')),
              text('la donnée'),
              text(' partout', anne('s-5', 'insertion')),
              text('.'),
            ),
          ],
        },
        'present-region': {
          type: 'doc',
          content: [
            paragraph(text('En région, '), text('presque ', anne('s-6', 'insertion')), text('tout.')),
          ],
        },
      },
    },
  });
  expect(answer).toMatchObject({ ok: true });

  const { sheet, review } = await openForReview(page, fichesHost.url);
  const passe = sheet.section('passe');

  // Shown in the text: inserted words underlined, deleted ones struck through, who and when on hover.
  await expect(passe.locator('ins.suggestion-insertion')).toHaveText('massif ');
  await expect(passe.locator('del.suggestion-deletion').first()).toHaveText(' très');
  await expect(passe.locator('ins.suggestion-insertion')).toHaveAttribute(
    'title',
    /Ajout proposé par Anne Martin le 12 mars 2025/,
  );
  // …and on focus: the cursor in a suggestion shows the bar, which decides it.
  await passe.locator('ins.suggestion-insertion').click();
  await expect(page.getByTestId('suggestion-bar')).toContainText('Ajout proposé par Anne Martin');
  await page.getByTestId('suggestion-bar-accept').click();
  await expect(passe.locator('ins.suggestion-insertion')).toHaveCount(0);
  await expect(passe).toContainText('Le Big Data massif a une histoire très récente.');
  // A decision is an edit like any other: Ctrl+Z takes it back.
  await page.keyboard.press('Control+z');
  await expect(passe.locator('ins.suggestion-insertion')).toHaveText('massif ');
  await passe.locator('ins.suggestion-insertion').click();
  await page.getByTestId('suggestion-bar-accept').click();
  await expect(passe.locator('ins.suggestion-insertion')).toHaveCount(0);

  await review.open();
  await review.decide('s-2', 'reject');
  await expect(passe).toContainText('Le Big Data massif a une histoire très récente.');
  await review.decide('s-3', 'accept');
  await expect(passe).toContainText('Un second paragraphe.');
  await expect(passe.locator('.suggestion')).toHaveCount(0);

  // A part's at once, then everything left.
  await review.suggestionsOf('section/futurs').getByTestId('suggestions-reject-part').click();
  await expect(sheet.section('futurs')).toContainText('Demain, la donnée.');
  await expect(review.suggestionsOf('section/futurs')).toHaveCount(0);
  await review.panel.getByTestId('suggestions-accept-all').click();
  await expect(sheet.section('present-region')).toContainText('En région, presque tout.');
  await expect(review.panel.getByTestId('review-suggestions')).toHaveCount(0);

  // Saved like any edit.
  await sheet.waitUntilSaved();
  await page.reload();
  await expect(sheet.section('passe')).toContainText('Le Big Data massif a une histoire très récente.');
  await expect(sheet.section('futurs')).toContainText('Demain, la donnée.');
  await expect(page.locator('.suggestion')).toHaveCount(0);
});

test('importer une relecture Word : les commentaires sur leurs mots, accepter une modification, en refuser une autre', async ({
  page,
  fichesHost,
}, testInfo) => {
  test.setTimeout(90_000);
  const file = testInfo.outputPath('relecture.docx');
  await writeFile(
    file,
    (await exportedToWord(fichesHost, 'big-data'))
      .splitRuns()
      .comment('une histoire récente', { ...CLAIRE, text: 'Depuis quand ?' }, [
        { author: 'Marc Leroy', date: '2025-04-03T08:30:00Z', text: 'Fin des années 1990.' },
      ])
      .insertAfter('menée avec ATOS', ' et Sopra Steria', CLAIRE.author, CLAIRE.date)
      .delete(' basées en France', 'Marc Leroy', '2025-04-03T09:10:00Z')
      .save(),
  );
  const { sheet, review } = await openForReview(page, fichesHost.url);
  await review.importWord(file);
  const dialog = review.importDialog;
  await expect(dialog.getByTestId('review-import-summary')).toContainText(
    '1\u00a0commentaire, 2\u00a0modifications',
  );
  await expect(dialog.getByTestId('review-import-comments')).toContainText('Claire Dubois');
  // Nothing is written before « Importer ».
  await expect(sheet.section('passe').locator('.comment-mark')).toHaveCount(0);
  await review.applyImport();

  await review.open();
  const thread = review.thread('une histoire récente');
  await expect(thread).toContainText('Claire Dubois');
  await expect(thread).toContainText('Fin des années 1990.');
  await expect(sheet.section('passe').locator('.comment-mark').first()).toHaveText('une histoire récente');
  const suggestions = review.suggestionsOf('section/passe').locator('li[data-testid^="suggestion-"]');
  await expect(suggestions).toHaveCount(2);
  await suggestions.filter({ hasText: 'Sopra Steria' }).getByTestId('suggestion-accept').click();
  await suggestions.filter({ hasText: 'basées en France' }).getByTestId('suggestion-reject').click();
  await expect(suggestions).toHaveCount(0);
  const passe = sheet.section('passe');
  await expect(passe).toContainText('menée avec ATOS et Sopra Steria auprès');
  await expect(passe).toContainText('salariés basées en France.');
  await sheet.waitUntilSaved();
  await page.reload();
  await expect(sheet.section('passe')).toContainText('ATOS et Sopra Steria');
  await expect(sheet.section('passe').locator('ins, del')).toHaveCount(0);
});
