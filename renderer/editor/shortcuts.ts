import { Extension } from '@tiptap/core';
import { enterFromEncadreTitle, insertEncadre, toggleSourceLine } from './commands.js';
import { pickAndInsertFigures } from './figure/insert.js';
import { requestLink } from './link-dialog.js';
import { insertTableFigure } from './table/table-commands.js';

/** Shortcuts of our own blocks; the standard ones (bold, lists, undo…) come with the starter kit. */
export const SHORTCUTS = {
  link: 'Mod-k',
  sourceLine: 'Mod-Alt-s',
  encadre: 'Mod-Alt-e',
  figure: 'Mod-Alt-f',
  table: 'Mod-Alt-t',
} as const;

export const FichesShortcuts = Extension.create({
  name: 'fichesShortcuts',
  // Before the starter kit's Enter, which would split an encadré's title.
  priority: 1000,

  addKeyboardShortcuts() {
    return {
      Enter: () => enterFromEncadreTitle(this.editor),
      [SHORTCUTS.link]: () => {
        requestLink(this.editor);
        return true;
      },
      [SHORTCUTS.sourceLine]: () => toggleSourceLine(this.editor),
      [SHORTCUTS.encadre]: () => insertEncadre(this.editor),
      [SHORTCUTS.figure]: () => {
        void pickAndInsertFigures(this.editor);
        return true;
      },
      [SHORTCUTS.table]: () => insertTableFigure(this.editor),
    };
  },
});
