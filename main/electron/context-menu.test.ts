import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from './testing/fake-electron.js';
import { BrowserWindow, FakeEvent, type FakeWebContents } from './testing/fake-electron.js';
import { installContextMenu } from './context-menu.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

/**
 * The right-click menu of the window, as Electron would raise it: Chromium sends
 * 'context-menu' with what lies under the pointer, the shell answers with a French menu.
 */

const { clipboard, Menu, shell } = electron;

const noEdits = {
  canUndo: false,
  canRedo: false,
  canCut: false,
  canCopy: false,
  canPaste: false,
  canDelete: false,
  canSelectAll: false,
  canEditRichly: false,
};

/** What Chromium reports for a right-click; the fields the menu reads, the rest left empty. */
function params(fields: Partial<ContextMenuParams> = {}): ContextMenuParams {
  return {
    isEditable: false,
    selectionText: '',
    linkURL: '',
    misspelledWord: '',
    dictionarySuggestions: [],
    spellcheckEnabled: false,
    ...fields,
    editFlags: { ...noEdits, ...fields.editFlags },
  } as ContextMenuParams;
}

let window: BrowserWindow;
let contents: FakeWebContents;

beforeEach(() => {
  Menu.buildFromTemplate.mockClear();
  window = new BrowserWindow({});
  contents = window.webContents;
  installContextMenu(contents as unknown as Electron.WebContents);
});

type Shown = { template: MenuItemConstructorOptions[]; popup: ReturnType<typeof vi.fn> };

/** Right-clicks with `fields` under the pointer; the menu shown, or undefined if none. */
function rightClick(fields: Partial<ContextMenuParams>): Shown | undefined {
  contents.emit('context-menu', new FakeEvent(), params(fields));
  return Menu.buildFromTemplate.mock.results.at(-1)?.value as Shown | undefined;
}

function labels(menu: Shown | undefined): (string | undefined)[] {
  return (menu?.template ?? []).map((item) => (item.type === 'separator' ? '—' : item.label));
}

function item(menu: Shown | undefined, label: string): MenuItemConstructorOptions {
  const found = menu?.template.find((entry) => entry.label === label);
  if (!found) throw new Error(`no item « ${label} » in ${JSON.stringify(labels(menu))}`);
  return found;
}

const click = (entry: MenuItemConstructorOptions) => (entry.click as unknown as (() => void) | undefined)?.();

describe('in the text being written', () => {
  it('offers cutting, copying, pasting and selecting all, in French, as far as Chromium can do them', () => {
    const menu = rightClick({
      isEditable: true,
      editFlags: { ...noEdits, canPaste: true, canSelectAll: true },
    });
    expect(labels(menu)).toEqual(['Couper', 'Copier', 'Coller', '—', 'Tout sélectionner']);
    expect(menu?.template.map((entry) => [entry.role, entry.enabled])).toEqual([
      ['cut', false],
      ['copy', false],
      ['paste', true],
      [undefined, undefined],
      ['selectAll', true],
    ]);
    // Shown at the pointer, over the window it was asked in.
    expect(menu?.popup).toHaveBeenCalledWith({ window });
  });

  it('puts the spelling suggestions first, and replaces the word with the one chosen', () => {
    const menu = rightClick({
      isEditable: true,
      spellcheckEnabled: true,
      misspelledWord: 'developement',
      dictionarySuggestions: ['développement', 'développements', 'enveloppement'],
      editFlags: { ...noEdits, canPaste: true, canSelectAll: true },
    });
    expect(labels(menu)).toEqual([
      'développement',
      'développements',
      'enveloppement',
      'Ajouter au dictionnaire',
      '—',
      'Couper',
      'Copier',
      'Coller',
      '—',
      'Tout sélectionner',
    ]);
    click(item(menu, 'développements'));
    expect(contents.replaceMisspelling.mock.calls).toEqual([['développements']]);
  });

  it('adds an unknown word to the dictionary, and says when there is no suggestion', () => {
    const menu = rightClick({ isEditable: true, spellcheckEnabled: true, misspelledWord: 'cobotique' });
    expect(labels(menu).slice(0, 2)).toEqual(['Aucune suggestion', 'Ajouter au dictionnaire']);
    expect(item(menu, 'Aucune suggestion').enabled).toBe(false);
    click(item(menu, 'Ajouter au dictionnaire'));
    expect(contents.session.addWordToSpellCheckerDictionary.mock.calls).toEqual([['cobotique']]);
    expect(contents.replaceMisspelling).not.toHaveBeenCalled();
  });

  it('offers five suggestions at most, as Chromium’s own menu does', () => {
    const menu = rightClick({
      isEditable: true,
      misspelledWord: 'fiche',
      dictionarySuggestions: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
    });
    expect(labels(menu).slice(0, 6)).toEqual(['a', 'b', 'c', 'd', 'e', 'Ajouter au dictionnaire']);
  });
});

describe('elsewhere in the page', () => {
  it('offers only « Copier » for selected text that cannot be edited', () => {
    const menu = rightClick({
      selectionText: 'Dynamiques à l’œuvre',
      editFlags: { ...noEdits, canCopy: true },
    });
    expect(labels(menu)).toEqual(['Copier']);
    expect(item(menu, 'Copier').role).toBe('copy');
  });

  it('shows no menu where there is nothing to do', () => {
    expect(rightClick({ selectionText: '   ' })).toBeUndefined();
    expect(Menu.buildFromTemplate).not.toHaveBeenCalled();
  });
});

describe('on a link', () => {
  it('opens a safe link in the system’s browser, and copies its address', () => {
    shell.openExternal.mockClear();
    const menu = rightClick({ linkURL: 'https://www.insee.fr/fr/statistiques' });
    expect(labels(menu)).toEqual(['Ouvrir le lien dans le navigateur', 'Copier l’adresse du lien']);
    click(item(menu, 'Ouvrir le lien dans le navigateur'));
    expect(shell.openExternal.mock.calls).toEqual([['https://www.insee.fr/fr/statistiques']]);
    click(item(menu, 'Copier l’adresse du lien'));
    expect(clipboard.writeText.mock.calls.at(-1)).toEqual(['https://www.insee.fr/fr/statistiques']);
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'http://example.org/'])(
    'does not offer to open %s, which the system would run or open unchecked',
    (linkURL) => {
      shell.openExternal.mockClear();
      const menu = rightClick({ linkURL, isEditable: true });
      expect(labels(menu)).not.toContain('Ouvrir le lien dans le navigateur');
      expect(labels(menu)).toContain('Copier l’adresse du lien');
      expect(shell.openExternal).not.toHaveBeenCalled();
    },
  );
});
