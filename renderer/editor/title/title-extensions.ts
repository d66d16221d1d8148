import { Extension, Node, type AnyExtension, type Editor } from '@tiptap/core';
import { Placeholder, UndoRedo } from '@tiptap/extensions';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { REVIEW_MARKS, reviewMarkExtensions } from '../../../shared/content/review-marks.js';
import { FrenchTypography } from '../french-typography.js';
import { ReviewEditing } from '../review/review-editing.js';
import { DomSelectionOnKey } from '../dom-selection.js';

/**
 * A scenario title as a one-line editor: plain text (the sheet stores it as a string) that
 * takes comments and suggestions like any text. Enter does nothing; a paste comes in as
 * plain text on one line.
 */
const TitleDocument = Node.create({ name: 'doc', topNode: true, content: 'paragraph' });

const TitleLine = Node.create({
  name: 'paragraph',
  content: 'text*',
  marks: REVIEW_MARKS,
  parseHTML: () => [{ tag: 'p' }],
  renderHTML: () => ['p', 0],
});

const TitleText = Node.create({ name: 'text', group: 'inline' });

const ONE_LINE = 'oneLine';

/** Whether `editor` is a title's: it has none of the rich text's commands (bold, lists, figures…). */
export function isOneLineEditor(editor: Editor): boolean {
  return editor.extensionManager.extensions.some((extension) => extension.name === ONE_LINE);
}

const OneLine = Extension.create({
  name: ONE_LINE,
  addKeyboardShortcuts() {
    return { Enter: () => true, 'Shift-Enter': () => true, 'Mod-Enter': () => true };
  },
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('oneLinePaste'),
        props: {
          handlePaste: (view, event) => {
            const text = event.clipboardData?.getData('text/plain');
            if (text === undefined) return false;
            view.dispatch(view.state.tr.insertText(text.replace(/[\r\n\t]+/g, ' ')).scrollIntoView());
            return true;
          },
          // Dropped content would bring its blocks: only text is a title's.
          handleDrop: () => true,
        },
      }),
    ];
  },
});

export function titleExtensions(placeholder: string): AnyExtension[] {
  return [
    TitleDocument,
    TitleLine,
    TitleText,
    ...reviewMarkExtensions(),
    UndoRedo,
    Placeholder.configure({ placeholder }),
    FrenchTypography,
    DomSelectionOnKey,
    OneLine,
    ReviewEditing,
  ];
}
