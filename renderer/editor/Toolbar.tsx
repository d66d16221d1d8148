import type { Editor } from '@tiptap/core';
import type { ReactNode } from 'react';
import { useStore } from '../ui/store.js';
import { activeEditor } from './active-editor.js';
import { useDeferredEditorState } from './deferred-editor-state.js';
import { isOneLineEditor } from './title/title-extensions.js';
import { shortcutLabel, toolbarGroups } from './toolbar-actions.js';

type ButtonStates = Record<string, { active: boolean; enabled: boolean }>;

const allActions = toolbarGroups.flat();

function buttonStates(current: Editor | null): ButtonStates | null {
  if (!current || current.isDestroyed || !current.isEditable) return null;
  // A title's editor has no formatting to offer: its buttons stay off.
  const title = isOneLineEditor(current);
  return Object.fromEntries(
    allActions.map((action) => [
      action.id,
      title && !action.inTitles
        ? { active: false, enabled: false }
        : { active: action.isActive?.(current) ?? false, enabled: action.canRun(current) },
    ]),
  );
}

function sameStates(a: ButtonStates | null, b: ButtonStates | null): boolean {
  if (a === null || b === null) return a === b;
  return allActions.every(({ id }) => a[id]?.active === b[id]?.active && a[id]?.enabled === b[id]?.enabled);
}

/**
 * Formatting for the focused editor. Its buttons follow the editor one frame after the
 * text (deferred-editor-state.ts) and re-render only when one of them changes, not on every
 * keystroke; mouse-down does not take the focus, so the selection stays where the user
 * left it.
 */
export function Toolbar({ children }: { children?: ReactNode }) {
  const editor = useStore(activeEditor);
  const states = useDeferredEditorState(editor, buttonStates, sameStates);

  return (
    <div className="toolbar" role="toolbar" aria-label="Mise en forme" data-testid="toolbar">
      <div className="toolbar-buttons">
        {toolbarGroups.map((group, index) => {
          // Contextual buttons (a table's rows and columns) show only where they apply.
          const shown = group.filter((action) => !action.contextual || states?.[action.id]?.enabled);
          if (shown.length === 0) return null;
          return (
            <div className="toolbar-group" key={index}>
              {shown.map((action) => {
                const state = states?.[action.id];
                return (
                  <button
                    key={action.id}
                    type="button"
                    className={`toolbar-button toolbar-${action.id}`}
                    title={
                      action.shortcut ? `${action.label} (${shortcutLabel(action.shortcut)})` : action.label
                    }
                    aria-label={action.label}
                    aria-pressed={action.isActive ? (state?.active ?? false) : undefined}
                    disabled={!editor || !state?.enabled}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => {
                      if (editor) action.run(editor);
                    }}
                    data-testid={`toolbar-${action.id}`}
                  >
                    <span aria-hidden="true">{action.glyph}</span>
                  </button>
                );
              })}
            </div>
          );
        })}
      </div>
      <div className="toolbar-end">{children}</div>
    </div>
  );
}
