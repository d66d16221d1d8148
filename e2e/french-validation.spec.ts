import { expect, test } from './fixtures/host.js';
import { HomePage } from './pages/HomePage.js';

/**
 * A field left empty or mistyped is refused by the browser itself before the form is sent:
 * its message is the browser's, in the browser's language (this Chromium's is English). The
 * application's are French, whatever the browser's language.
 */
test('un champ vide ou mal saisi est refusé avec un message en français', async ({ page, fichesHost }) => {
  const home = new HomePage(page);
  await home.open(fichesHost.url);
  const validationMessage = (testId: string) =>
    page.getByTestId(testId).evaluate((field: HTMLInputElement) => field.validationMessage);

  await page.getByTestId('sync-share').click();
  const remote = page.getByTestId('share-remote');
  await page.getByTestId('share-submit').click();
  await expect(page.getByTestId('share-dialog')).toBeVisible();
  expect(await validationMessage('share-remote')).toBe('Veuillez renseigner ce champ.');

  await remote.fill('git.agence.fr/prospective');
  await page.getByTestId('share-submit').click();
  expect(await validationMessage('share-remote')).toBe(
    'Saisissez une adresse complète, par exemple https://git.agence.fr/prospective/industrie.git.',
  );

  // Corrected, the field is valid again: the message was the browser's check, not a lasting error.
  await remote.fill('https://git.agence.fr/prospective/industrie.git');
  expect(await validationMessage('share-remote')).toBe('');
  await expect(remote).toHaveJSProperty('validity.valid', true);
});
