import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { frenchTypography } from '../../shared/content/typography.js';

/** Enough text before the cursor to recognise a URL being typed. */
const CONTEXT_CHARACTERS = 200;

/**
 * French typography while typing, through ProseMirror's text input hook: the correction
 * is an ordinary transaction, so undo and Backspace treat it like typed text. The
 * decision itself is the shared pure function.
 */
export const FrenchTypography = Extension.create({
  name: 'frenchTypography',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('frenchTypography'),
        props: {
          handleTextInput(view, from, to, text) {
            const { state } = view;
            const $from = state.doc.resolve(from);
            if (!$from.parent.isTextblock) return false;
            const offset = $from.parentOffset;
            const before = $from.parent.textBetween(
              Math.max(0, offset - CONTEXT_CHARACTERS),
              offset,
              '\n',
              '\n',
            );
            const link = state.schema.marks['link'];
            const inLink =
              link !== undefined && link.isInSet(state.storedMarks ?? $from.marks()) !== undefined;
            const edit = frenchTypography(before, text, { inLink });
            if (!edit) return false;
            const start = from - edit.deleteBefore;
            if (edit.insert === '' && start === to) return true;
            view.dispatch(state.tr.insertText(edit.insert, start, to).scrollIntoView());
            return true;
          },
        },
      }),
    ];
  },
});
