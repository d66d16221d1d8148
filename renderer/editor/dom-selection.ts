import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/**
 * The browser moves the caret at once (a click, Shift+arrows, End), but ProseMirror learns
 * of it from the selectionchange event that follows, a task that input events go before:
 * a key pressed right after acted where the caret was (Enter after a click on an encadré's
 * title split the paragraph the caret had left; Ctrl+K linked the previous selection).
 */

/** ProseMirror's DOM observer: internal to prosemirror-view, hence this narrow view of it. */
interface DomObserver {
  forceFlush(): void;
  flush(): void;
}

/**
 * Makes the editor take the selection the user sees, now. The observer reads the DOM
 * selection only when it moved since the editor last set or read it, so a selection the
 * DOM cannot show (a selected figure, table cells) is kept.
 */
export function takeDomSelection(view: EditorView): void {
  const observer = (view as unknown as { domObserver?: DomObserver }).domObserver;
  // A pending read of DOM changes first: flush() waits for it otherwise.
  observer?.forceFlush();
  observer?.flush();
}

/** Before any key is handled, the selection the user sees. */
export const DomSelectionOnKey = Extension.create({
  name: 'domSelectionOnKey',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('domSelectionOnKey'),
        props: {
          handleDOMEvents: {
            keydown: (view, event) => {
              // An input method composing owns the selection until it is done.
              if (!view.composing && event.keyCode !== 229) takeDomSelection(view);
              return false;
            },
          },
        },
      }),
    ];
  },
});
