import { Extension } from '@tiptap/core';

/**
 * React saves and restores the selection around each of its commits when the focused
 * element is editable, and for a contenteditable it counts characters through that
 * element's whole DOM to do so (react-dom's commitBeforeMutationEffects): with a 4 MB web
 * page pasted in a section, every commit of the page (the save status, the toolbar) cost
 * some 200 ms, and the keystroke that caused it. ProseMirror owns the editor's selection
 * and React renders nothing inside it, so the editor tells React (which reads the
 * `contentEditable` property) that it is not editable; the browser goes by the
 * attribute, which ProseMirror keeps.
 */
export function hideFromReactSelection(element: HTMLElement): void {
  const property = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'contentEditable');
  const read = property?.get;
  if (!read) return;
  Object.defineProperty(element, 'contentEditable', {
    configurable: true,
    get(this: HTMLElement) {
      const value = read.call(this) as string;
      return value === 'true' ? 'inherit' : value;
    },
    set(this: HTMLElement, value: string) {
      property.set?.call(this, value);
    },
  });
}

export const ReactSelectionOptOut = Extension.create({
  name: 'reactSelectionOptOut',
  onCreate() {
    hideFromReactSelection(this.editor.view.dom);
  },
});
