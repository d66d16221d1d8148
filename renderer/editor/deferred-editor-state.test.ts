import { describe, expect, it } from 'vitest';
import { DeferredEditorState, type Scheduler } from './deferred-editor-state.js';

/** An editor that only emits transactions and holds a value the selector reads. */
class FakeEditor {
  value = 0;
  private readonly listeners = new Set<() => void>();
  on(_event: 'transaction', listener: () => void): void {
    this.listeners.add(listener);
  }
  off(_event: 'transaction', listener: () => void): void {
    this.listeners.delete(listener);
  }
  listening(): number {
    return this.listeners.size;
  }
  transact(value: number): void {
    this.value = value;
    for (const listener of [...this.listeners]) listener();
  }
}

/** A scheduler whose tasks run when the test says the frame has been drawn. */
function manualFrames(): { schedule: Scheduler; drawFrame: () => void; waiting: () => number } {
  let tasks: (() => void)[] = [];
  return {
    schedule: (task) => {
      tasks.push(task);
      return () => {
        tasks = tasks.filter((waiting) => waiting !== task);
      };
    },
    drawFrame: () => {
      const due = tasks;
      tasks = [];
      for (const task of due) task();
    },
    waiting: () => tasks.length,
  };
}

function setUp() {
  const editor = new FakeEditor();
  const frames = manualFrames();
  let selections = 0;
  const state = new DeferredEditorState<FakeEditor, { value: number }>(
    editor,
    (current) => {
      selections += 1;
      return { value: current?.value ?? -1 };
    },
    (a, b) => a.value === b.value,
    frames.schedule,
  );
  return { editor, frames, state, selections: () => selections };
}

describe('an editor state shown after the frame', () => {
  it('is read at once, then once per frame however many transactions the frame had', () => {
    const { editor, frames, state, selections } = setUp();
    expect(state.get()).toEqual({ value: 0 });
    let notified = 0;
    state.subscribe(() => (notified += 1));
    frames.drawFrame();
    const before = selections();

    editor.transact(1);
    editor.transact(2);
    editor.transact(3);
    expect(state.get()).toEqual({ value: 0 });
    expect(selections()).toBe(before);

    frames.drawFrame();
    expect(state.get()).toEqual({ value: 3 });
    expect(selections()).toBe(before + 1);
    expect(notified).toBe(1);
  });

  it('keeps its value and tells no one when the selected state is equal', () => {
    const { editor, frames, state } = setUp();
    let notified = 0;
    state.subscribe(() => (notified += 1));
    frames.drawFrame();
    const shown = state.get();
    editor.transact(0);
    frames.drawFrame();
    expect(state.get()).toBe(shown);
    expect(notified).toBe(0);
  });

  it('stops listening and drops the pending refresh when its last subscriber leaves', () => {
    const { editor, frames, state } = setUp();
    const unsubscribe = state.subscribe(() => undefined);
    frames.drawFrame();
    editor.transact(5);
    expect(frames.waiting()).toBe(1);
    unsubscribe();
    expect(frames.waiting()).toBe(0);
    expect(editor.listening()).toBe(0);
    editor.transact(6);
    expect(frames.waiting()).toBe(0);
    expect(state.get()).toEqual({ value: 0 });
  });

  it('with no editor, selects once and waits for nothing', () => {
    const frames = manualFrames();
    const state = new DeferredEditorState<FakeEditor, string>(
      null,
      (current) => (current ? 'editor' : 'none'),
      (a, b) => a === b,
      frames.schedule,
    );
    state.subscribe(() => undefined);
    frames.drawFrame();
    expect(state.get()).toBe('none');
  });
});
