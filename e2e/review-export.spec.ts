import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures/host.js';
import { ExportDialog } from './pages/ExportDialog.js';
import { HistoryPanel } from './pages/HistoryPanel.js';
import { HomePage } from './pages/HomePage.js';
import { ReviewPanel } from './pages/ReviewPanel.js';
import { SheetPage } from './pages/SheetPage.js';

/** The parts of a downloaded .docx, as text. */
async function parts(path: string): Promise<Record<string, string>> {
  const files = unzipSync(await readFile(path));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

const text = (xml: string) =>
  [...xml.matchAll(/<w:(?:t|delText)(?:\s[^>]*)?>([^<]*)</g)].map((m) => m[1]).join('');

test('exporter pour une relecture : les commentaires et les modifications depuis une version, dans Word', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(120_000);
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const history = new HistoryPanel(page);
  const review = new ReviewPanel(page);
  const dialog = new ExportDialog(page);
  await home.open(fichesHost.url);
  await home.openSheet('big-data');

  await history.saveVersion('Envoi au comité');
  await history.open();
  const sent = await history.seqOf(history.entriesOfKind('named').first());
  await history.close();

  await sheet.typeInto(sheet.section('passe'), ' Une phrase écrite après l’envoi.');
  const thread = await review.comment(
    sheet.editable(sheet.section('passe')),
    'une histoire récente',
    'Depuis quand exactement ?',
  );
  await review.reply(thread, 'Fin des années 1990.');
  await sheet.waitUntilSaved();

  await dialog.open();
  // For publication by default; the options are Word's, and the current sheet's.
  await dialog.chooseFormat('pdf');
  await expect(dialog.review).toBeHidden();
  await dialog.chooseFormat('docx');
  await expect(dialog.review).toBeVisible();
  await expect(page.getByTestId('export-with-comments')).not.toBeChecked();
  await dialog.withComments();
  await dialog.withChangesSince(sent);

  const [download] = await dialog.runAndDownload(1);
  expect(download?.suggestedFilename()).toBe('big-data-relecture.docx');
  const docx = await parts((await download?.path()) ?? '');
  const comments = docx['word/comments.xml'] ?? '';
  expect(text(comments)).toContain('Depuis quand exactement');
  expect(text(comments)).toContain('Fin des années 1990.');
  const document = docx['word/document.xml'] ?? '';
  expect(document).toMatch(/<w:commentRangeStart w:id="0"\/>/);
  const inserted = [...document.matchAll(/<w:ins\b[^>]*w:author="([^"]*)"[^>]*>([\s\S]*?)<\/w:ins>/g)];
  expect(inserted.map((match) => text(match[2] ?? '')).join('')).toContain(
    'Une phrase écrite après l’envoi.',
  );
  expect(docx['docProps/custom.xml']).toContain('FichesSheet');
  await expect(dialog.result('big-data')).toContainText('✓');
  await dialog.close();
});
