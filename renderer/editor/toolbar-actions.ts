import type { Editor } from '@tiptap/core';
import { canInsertEncadre, canToggleSourceLine, insertEncadre, toggleSourceLine } from './commands.js';
import { pickAndInsertFigures } from './figure/insert.js';
import { requestLink } from './link-dialog.js';
import { SHORTCUTS } from './shortcuts.js';
import { tableActions } from './table/table-actions.js';
import { insertTableFigure } from './table/table-commands.js';
import { canComment, requestComment } from './review/comment-request.js';
import { COMMENT_SHORTCUT } from './review/review-editing.js';

export interface ToolbarAction {
  id: string;
  label: string;
  /** What the button shows; the label is its accessible name and tooltip. */
  glyph: string;
  /** Tiptap's notation ("Mod-Shift-8"), shown translated in the button's title. */
  shortcut?: string;
  run: (editor: Editor) => unknown;
  isActive?: (editor: Editor) => boolean;
  canRun: (editor: Editor) => boolean;
  /** Shown only while it can run (the table's buttons, while the cursor is in a table). */
  contextual?: boolean;
  /** Also for a scenario title's one-line editor, which has no formatting (title-extensions.ts). */
  inTitles?: boolean;
}

/** The toolbar, in groups; each action is also reachable by its shortcut. */
export const toolbarGroups: ToolbarAction[][] = [
  [
    {
      id: 'bold',
      glyph: 'G',
      label: 'Gras',
      shortcut: 'Mod-B',
      run: (e) => e.chain().focus().toggleBold().run(),
      isActive: (e) => e.isActive('bold'),
      canRun: (e) => e.can().toggleBold(),
    },
    {
      id: 'italic',
      glyph: 'I',
      label: 'Italique',
      shortcut: 'Mod-I',
      run: (e) => e.chain().focus().toggleItalic().run(),
      isActive: (e) => e.isActive('italic'),
      canRun: (e) => e.can().toggleItalic(),
    },
    {
      id: 'underline',
      glyph: 'S',
      label: 'Souligné',
      shortcut: 'Mod-U',
      run: (e) => e.chain().focus().toggleUnderline().run(),
      isActive: (e) => e.isActive('underline'),
      canRun: (e) => e.can().toggleUnderline(),
    },
  ],
  [
    {
      id: 'heading',
      glyph: 'Sous-titre',
      label: 'Sous-titre',
      shortcut: 'Mod-Alt-3',
      run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
      isActive: (e) => e.isActive('heading', { level: 3 }),
      canRun: (e) => e.can().toggleHeading({ level: 3 }),
    },
    {
      id: 'bullet-list',
      glyph: '• Liste',
      label: 'Liste à puces',
      shortcut: 'Mod-Shift-8',
      run: (e) => e.chain().focus().toggleBulletList().run(),
      isActive: (e) => e.isActive('bulletList'),
      canRun: (e) => e.can().toggleBulletList(),
    },
    {
      id: 'ordered-list',
      glyph: '1. Liste',
      label: 'Liste numérotée',
      shortcut: 'Mod-Shift-7',
      run: (e) => e.chain().focus().toggleOrderedList().run(),
      isActive: (e) => e.isActive('orderedList'),
      canRun: (e) => e.can().toggleOrderedList(),
    },
    {
      id: 'blockquote',
      glyph: '« Citation »',
      label: 'Citation',
      shortcut: 'Mod-Shift-B',
      run: (e) => e.chain().focus().toggleBlockquote().run(),
      isActive: (e) => e.isActive('blockquote'),
      canRun: (e) => e.can().toggleBlockquote(),
    },
  ],
  [
    {
      id: 'link',
      glyph: 'Lien',
      label: 'Lien',
      shortcut: SHORTCUTS.link,
      run: requestLink,
      isActive: (e) => e.isActive('link'),
      canRun: (e) => e.isActive('link') || e.can().setLink({ href: 'https://exemple.fr' }),
    },
    {
      id: 'source-line',
      glyph: 'Source',
      label: 'Ligne source',
      shortcut: SHORTCUTS.sourceLine,
      run: toggleSourceLine,
      isActive: (e) => e.isActive('sourceLine'),
      canRun: canToggleSourceLine,
    },
    {
      id: 'encadre',
      glyph: 'Encadré',
      label: 'Encadré',
      shortcut: SHORTCUTS.encadre,
      run: insertEncadre,
      isActive: (e) => e.isActive('encadre'),
      canRun: canInsertEncadre,
    },
  ],
  [
    {
      id: 'figure',
      glyph: 'Figure',
      label: 'Insérer une figure (image PNG, JPEG, GIF ou SVG)',
      shortcut: SHORTCUTS.figure,
      run: (e) => void pickAndInsertFigures(e),
      canRun: (e) => e.isEditable,
    },
    {
      id: 'table',
      glyph: 'Tableau',
      label: 'Insérer un tableau',
      shortcut: SHORTCUTS.table,
      run: insertTableFigure,
      canRun: (e) => e.isEditable,
    },
  ],
  tableActions,
  [
    {
      id: 'comment',
      glyph: 'Commenter',
      label: 'Commenter le texte sélectionné',
      shortcut: COMMENT_SHORTCUT,
      run: requestComment,
      canRun: canComment,
      inTitles: true,
    },
  ],
  [
    {
      id: 'undo',
      glyph: '↶',
      label: 'Annuler',
      shortcut: 'Mod-Z',
      run: (e) => e.chain().focus().undo().run(),
      canRun: (e) => e.can().undo(),
      inTitles: true,
    },
    {
      id: 'redo',
      glyph: '↷',
      label: 'Rétablir',
      shortcut: 'Mod-Shift-Z',
      run: (e) => e.chain().focus().redo().run(),
      canRun: (e) => e.can().redo(),
      inTitles: true,
    },
  ],
];

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Mod-Shift-8" → "Ctrl+Maj+8" (or "⌘⇧8" on a Mac). */
export function shortcutLabel(shortcut: string): string {
  const names: Record<string, string> = isMac
    ? { Mod: '⌘', Shift: '⇧', Alt: '⌥' }
    : { Mod: 'Ctrl', Shift: 'Maj', Alt: 'Alt' };
  const keys = shortcut.split('-').map((key) => names[key] ?? key.toUpperCase());
  return keys.join(isMac ? '' : '+');
}
