import type { EditorView } from '@tiptap/pm/view';

/** The element that scrolls the editor: its closest scrolling ancestor, or the page. */
function scrollerOf(element: HTMLElement): Element {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight)
      return node;
  }
  return element.ownerDocument.scrollingElement ?? element.ownerDocument.documentElement;
}

/** Where the cursor is on the screen, if the view is laid out. */
export function caretTop(view: EditorView): number | undefined {
  try {
    return view.coordsAtPos(view.state.selection.head).top;
  } catch {
    // No layout to read (a view not in a document, as in unit tests).
    return undefined;
  }
}

/**
 * Scrolls by however far the cursor moved on the screen since it was at `before`. Taking a
 * run's blocks back to the top level, or putting blocks into one, draws them anew, and
 * blocks out of view are drawn at an estimated height first: the text the user just clicked
 * or typed in jumped by a screen or more, before this.
 */
export function restoreCaretTop(view: EditorView, before: number | undefined): void {
  const after = caretTop(view);
  if (before === undefined || after === undefined || Math.abs(after - before) < 1) return;
  scrollerOf(view.dom).scrollBy(0, after - before);
}

/** Runs `act` (a change of the editor's document) with the cursor kept where it was on the screen. */
export function keepingCaretInPlace(view: EditorView, act: () => void): void {
  const before = caretTop(view);
  act();
  restoreCaretTop(view, before);
}
