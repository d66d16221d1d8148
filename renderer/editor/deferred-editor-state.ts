import type { Editor } from '@tiptap/core';
import { useMemo, useSyncExternalStore } from 'react';

/**
 * What a component shows of an editor's state (the toolbar's buttons), worked out once
 * the frame that shows a transaction has been drawn, not inside the keystroke. The
 * toolbar asks ProseMirror whether each of its commands could run: on a sheet of 1,000
 * paragraphs that was some 2 ms of every keystroke, before the typed letter could appear.
 * A button now changes one frame after the text, and a burst of transactions within a
 * frame is looked at once.
 */

/** Where the work runs: by default after the next frame has been drawn. */
export type Scheduler = (task: () => void) => () => void;

export const afterNextPaint: Scheduler = (task) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
};

/** The one thing asked of an editor here: to tell of its transactions. */
interface Transactions {
  on(event: 'transaction', listener: () => void): unknown;
  off(event: 'transaction', listener: () => void): unknown;
}

/** The selected state of one editor, refreshed after its transactions. */
export class DeferredEditorState<E extends Transactions, T> {
  private value: T;
  private cancel: (() => void) | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly editor: E | null,
    private readonly select: (editor: E | null) => T,
    private readonly equal: (a: T, b: T) => boolean,
    private readonly schedule: Scheduler = afterNextPaint,
  ) {
    this.value = select(editor);
  }

  get = (): T => this.value;

  subscribe = (listener: () => void): (() => void) => {
    if (this.listeners.size === 0) this.editor?.on('transaction', this.refreshLater);
    this.listeners.add(listener);
    // The editor may have changed between the first render and this subscription.
    this.refreshLater();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.editor?.off('transaction', this.refreshLater);
      this.cancel?.();
      this.cancel = undefined;
    };
  };

  private readonly refreshLater = (): void => {
    if (this.cancel) return;
    this.cancel = this.schedule(() => {
      this.cancel = undefined;
      this.refresh();
    });
  };

  private refresh(): void {
    const next = this.select(this.editor);
    if (this.equal(next, this.value)) return;
    this.value = next;
    for (const listener of [...this.listeners]) listener();
  }
}

/** `select` and `equal` are read once per editor: give functions that do not change. */
export function useDeferredEditorState<T>(
  editor: Editor | null,
  select: (editor: Editor | null) => T,
  equal: (a: T, b: T) => boolean,
): T {
  const state = useMemo(() => new DeferredEditorState(editor, select, equal), [editor, select, equal]);
  return useSyncExternalStore(state.subscribe, state.get);
}
