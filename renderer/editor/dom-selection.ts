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

/**
 * A key pressed after a click in the editor, before the browser said where the click put
 * the caret: the editor takes the caret from the DOM first. Only then: typing is left to
 * ProseMirror's own reading of the DOM (with a read at every key, « 5septdirect » typed
 * after Enter came out « septdirect5 » in two CI runs; the cause was not found).
 */
export const DomSelectionOnKey = Extension.create({
  name: 'domSelectionOnKey',

  addProseMirrorPlugins() {
    /** A click in this editor whose selectionchange has not come yet. */
    let clickUnheard = false;
    return [
      new Plugin({
        key: new PluginKey('domSelectionOnKey'),
        view(view) {
          const document = view.dom.ownerDocument;
          // Registered after ProseMirror's own listener: it has read the selection by then.
          const heard = () => {
            clickUnheard = false;
          };
          document.addEventListener('selectionchange', heard);
          return { destroy: () => document.removeEventListener('selectionchange', heard) };
        },
        props: {
          handleDOMEvents: {
            mousedown: () => {
              clickUnheard = true;
              return false;
            },
            keydown: (view, event) => {
              // An input method composing owns the selection until it is done.
              if (clickUnheard && !view.composing && event.keyCode !== 229) {
                clickUnheard = false;
                takeDomSelection(view);
              }
              return false;
            },
          },
        },
      }),
    ];
  },
});
