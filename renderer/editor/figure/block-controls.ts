import type { EditorView } from '@tiptap/pm/view';
import { deleteBlock, moveBlock } from './block-commands.js';

/**
 * The small bar of buttons over a figure or a table: plain DOM inside a node view, outside
 * the editable text. Mouse-down does not move the selection, so the click acts on the
 * block the button belongs to.
 */
export interface ControlButton {
  id: string;
  label: string;
  glyph: string;
  run: () => void;
}

export function controlButton({ id, label, glyph, run }: ControlButton): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `block-control block-control-${id}`;
  button.title = label;
  button.setAttribute('aria-label', label);
  button.dataset['testid'] = `block-${id}`;
  button.textContent = glyph;
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', (event) => {
    event.preventDefault();
    run();
  });
  return button;
}

/** Monter, Descendre, Supprimer: what every numbered block offers. */
export function moveAndDeleteButtons(
  view: EditorView,
  getPos: () => number | undefined,
  noun: string,
): HTMLButtonElement[] {
  const withPos = (action: (pos: number) => void) => () => {
    const pos = getPos();
    if (pos !== undefined && view.editable) action(pos);
  };
  return [
    controlButton({
      id: 'up',
      label: `Monter ${noun} (Alt+↑)`,
      glyph: '↑',
      run: withPos((pos) => moveBlock(view.state, pos, -1, view.dispatch)),
    }),
    controlButton({
      id: 'down',
      label: `Descendre ${noun} (Alt+↓)`,
      glyph: '↓',
      run: withPos((pos) => moveBlock(view.state, pos, 1, view.dispatch)),
    }),
    controlButton({
      id: 'delete',
      label: `Supprimer ${noun}`,
      glyph: '✕',
      run: withPos((pos) => deleteBlock(view.state, pos, view.dispatch)),
    }),
  ];
}

export function controlBar(buttons: HTMLElement[]): HTMLElement {
  const bar = document.createElement('div');
  bar.className = 'block-controls';
  bar.contentEditable = 'false';
  bar.setAttribute('role', 'toolbar');
  bar.append(...buttons);
  return bar;
}
