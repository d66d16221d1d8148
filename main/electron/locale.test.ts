import { afterEach, describe, expect, it, vi } from 'vitest';
import { app, FakeSession } from './testing/fake-electron.js';
import { checkSpellingInFrench, useFrenchInterface } from './locale.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

/** French whatever the system's language: Chromium's own words, and the spelling checker. */

const platform = process.platform;
afterEach(() => Object.defineProperty(process, 'platform', { value: platform }));

describe('the interface', () => {
  it('asks Chromium for French (its own messages and dialogs, navigator.language)', () => {
    app.commandLine.appendSwitch.mockClear();
    useFrenchInterface();
    expect(app.commandLine.appendSwitch.mock.calls).toEqual([['lang', 'fr']]);
  });
});

describe('the spelling checker', () => {
  it('checks French, not the system’s language', () => {
    Object.defineProperty(process, 'platform', { value: 'linux' });
    const session = new FakeSession('');
    checkSpellingInFrench(session as unknown as Electron.Session);
    expect(session.setSpellCheckerLanguages.mock.calls).toEqual([[['fr']]]);
  });

  it('takes a regional French where plain « fr » is not offered, and never an unknown code', () => {
    Object.defineProperty(process, 'platform', { value: 'win32' });
    const regional = new FakeSession('');
    regional.availableSpellCheckerLanguages = ['en-US', 'fr-CA', 'fr-FR'];
    checkSpellingInFrench(regional as unknown as Electron.Session);
    expect(regional.setSpellCheckerLanguages.mock.calls).toEqual([[['fr-FR']]]);

    const none = new FakeSession('');
    none.availableSpellCheckerLanguages = ['en-US'];
    expect(() => checkSpellingInFrench(none as unknown as Electron.Session)).not.toThrow();
    expect(none.setSpellCheckerLanguages).not.toHaveBeenCalled();
  });

  it('leaves macOS to its own checker, which finds the language by itself', () => {
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    const session = new FakeSession('');
    checkSpellingInFrench(session as unknown as Electron.Session);
    expect(session.setSpellCheckerLanguages).not.toHaveBeenCalled();
  });
});
