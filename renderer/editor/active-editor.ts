import type { Editor } from '@tiptap/core';
import { createStore } from '../ui/store.js';

/**
 * The editor the toolbar acts on: the last one focused. It stays active while the focus
 * is on the toolbar or in the link dialog, and is forgotten when destroyed.
 */
export const activeEditor = createStore<Editor | null>(null);

export function forgetEditor(editor: Editor): void {
  if (activeEditor.get() === editor) activeEditor.set(null);
}
