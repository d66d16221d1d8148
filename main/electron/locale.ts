import { app, type Session } from 'electron';

/**
 * The app is French whatever the system's language. Chromium's own words (a form's
 * validation bubble, a date picker, navigator.language) follow its --lang switch, which
 * must be set before the app is ready.
 */
export function useFrenchInterface(): void {
  app.commandLine.appendSwitch('lang', 'fr');
}

/** Plain « fr » first, then France's, then any other French Chromium has a dictionary for. */
function frenchDictionary(available: readonly string[]): string | undefined {
  const french = available.filter((code) => code === 'fr' || code.startsWith('fr-'));
  return ['fr', 'fr-FR'].find((code) => french.includes(code)) ?? french[0];
}

/**
 * Chromium checks spelling in the system's languages unless told otherwise: on an English
 * Windows every French word of a sheet would be underlined. Its dictionary is fetched once,
 * when the machine is online, then kept. An unknown code would throw, hence the look-up in
 * what this Electron offers. macOS uses its own checker, which finds the language itself
 * (the call is a no-op there).
 */
export function checkSpellingInFrench(target: Session): void {
  if (process.platform === 'darwin') return;
  const dictionary = frenchDictionary(target.availableSpellCheckerLanguages);
  if (dictionary) target.setSpellCheckerLanguages([dictionary]);
}
