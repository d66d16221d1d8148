import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { COMMENT_MARK } from '../../../shared/content/review-marks.js';
import { createStore } from '../../ui/store.js';
import { CommentDraft } from './comment-draft.js';
import { requestComment } from './comment-request.js';

export const COMMENT_SHORTCUT = 'Mod-Alt-m';

/** The threads anchored where the cursor stands in the focused editor: the panel shows them as current. */
export const threadsAtCursor = createStore<string>('');

const cursorKey = new PluginKey('reviewCursor');

/**
 * What every editor of a part needs for the review: Ctrl+Alt+M (« Commenter », as in Word),
 * the draft of a comment being written, and the threads under the cursor.
 */
export const ReviewEditing = Extension.create({
  name: 'reviewEditing',
  addKeyboardShortcuts() {
    return { [COMMENT_SHORTCUT]: () => requestComment(this.editor) };
  },
  addExtensions() {
    return [CommentDraft];
  },
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: cursorKey,
        view: () => ({
          // Cheap on every transaction: the marks at one resolved position.
          update(view) {
            if (!view.hasFocus()) return;
            const ids = view.state.selection.$head
              .marks()
              .filter((mark) => mark.type.name === COMMENT_MARK)
              .map((mark) => String(mark.attrs.thread));
            threadsAtCursor.set(ids.join(' '));
          },
        }),
      }),
    ];
  },
});
