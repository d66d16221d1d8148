import {
  BrowserWindow,
  clipboard,
  Menu,
  shell,
  type ContextMenuParams,
  type MenuItemConstructorOptions,
  type WebContents,
} from 'electron';
import { externalLinkTarget } from './links.js';

/**
 * The window's right-click menu. Electron shows none of its own: without this one a writer
 * could not take a spelling suggestion nor paste with the mouse. What it offers depends on
 * what lies under the pointer (Chromium's `params`); cutting, copying and pasting go
 * through Electron's roles, so the page handles them as it handles the keyboard's.
 * No undo here: Chromium's flags know its own undo stack, not the editor's.
 */

/** As many suggestions as Chromium's own menu shows. */
const MAX_SUGGESTIONS = 5;

type Items = MenuItemConstructorOptions[];

function spelling(params: ContextMenuParams, contents: WebContents): Items {
  const word = params.misspelledWord;
  if (!params.isEditable || !word) return [];
  const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
  return [
    ...(suggestions.length > 0
      ? suggestions.map((suggestion) => ({
          label: suggestion,
          click: () => contents.replaceMisspelling(suggestion),
        }))
      : [{ label: 'Aucune suggestion', enabled: false }]),
    {
      label: 'Ajouter au dictionnaire',
      click: () => void contents.session.addWordToSpellCheckerDictionary(word),
    },
  ];
}

function editing(params: ContextMenuParams): Items {
  const flags = params.editFlags;
  if (params.isEditable) {
    return [
      { role: 'cut', label: 'Couper', enabled: flags.canCut },
      { role: 'copy', label: 'Copier', enabled: flags.canCopy },
      { role: 'paste', label: 'Coller', enabled: flags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: 'Tout sélectionner', enabled: flags.canSelectAll },
    ];
  }
  return params.selectionText.trim() ? [{ role: 'copy', label: 'Copier' }] : [];
}

/** A link is only opened where a click would open it (links.ts); its address can always be copied. */
function link(params: ContextMenuParams): Items {
  if (!params.linkURL) return [];
  const target = externalLinkTarget(params.linkURL);
  return [
    ...(target === undefined
      ? []
      : [{ label: 'Ouvrir le lien dans le navigateur', click: () => void shell.openExternal(target) }]),
    { label: 'Copier l’adresse du lien', click: () => clipboard.writeText(params.linkURL) },
  ];
}

/** The menu for a right-click, in groups separated by a line; empty when there is nothing to do. */
export function contextMenuTemplate(params: ContextMenuParams, contents: WebContents): Items {
  const groups = [spelling(params, contents), editing(params), link(params)].filter(
    (group) => group.length > 0,
  );
  return groups.flatMap((group, index) => (index === 0 ? group : [{ type: 'separator' as const }, ...group]));
}

export function installContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, contents);
    if (template.length === 0) return;
    const window = BrowserWindow.fromWebContents(contents);
    Menu.buildFromTemplate(template).popup(window ? { window } : {});
  });
}
