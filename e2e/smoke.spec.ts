import { expect, test } from './fixtures/host.js';

test('la page servie se charge, parle à l’API et ne signale aucune erreur', async ({ page, fichesHost }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(error.message));

  const firstApiAnswer = page.waitForResponse((response) =>
    new URL(response.url()).pathname.startsWith('/api/'),
  );
  await page.goto(fichesHost.url);
  const answer = await firstApiAnswer;
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toMatchObject({ ok: true });

  await expect(page.locator('#root')).not.toBeEmpty();
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
});
