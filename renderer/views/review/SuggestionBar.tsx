import { useEditorState } from '@tiptap/react';
import { SUGGESTION_MARKS, type SuggestionKind } from '../../../shared/content/review-marks.js';
import { suggestionLabel } from '../../../shared/review/labels.js';
import { activeEditor } from '../../editor/active-editor.js';
import { decideInEditor } from '../../editor/review/review-commands.js';
import { useStore } from '../../ui/store.js';

interface AtCursor {
  id: string;
  kind: SuggestionKind;
  author: string;
  date: string | null;
}

/**
 * Under the toolbar while the cursor stands in a suggestion: who proposed it and when,
 * with « Accepter » and « Refuser » (the mouse shows the same in the text's tooltip).
 */
export function SuggestionBar() {
  const editor = useStore(activeEditor);
  const current = useEditorState({
    editor,
    selector: ({ editor: focused }): AtCursor | null => {
      if (!focused || focused.isDestroyed || !focused.isEditable) return null;
      const mark = focused.state.selection.$head
        .marks()
        .find((candidate) => (SUGGESTION_MARKS as readonly string[]).includes(candidate.type.name));
      if (!mark) return null;
      return {
        id: String(mark.attrs.id),
        kind: mark.type.name as SuggestionKind,
        author: String(mark.attrs.author ?? ''),
        date: (mark.attrs.date as string | null) ?? null,
      };
    },
    equalityFn: (a, b) => a?.id === b?.id && a?.kind === b?.kind,
  });
  if (!editor || !current) return null;
  const decide = (decision: 'accept' | 'reject') =>
    decideInEditor(editor, (s) => (s.id === current.id && s.kind === current.kind ? decision : undefined));
  return (
    <div className="suggestion-bar" role="status" data-testid="suggestion-bar">
      <span>{suggestionLabel(current.kind, current.author, current.date)}</span>
      <button
        type="button"
        className="button button-small"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => decide('accept')}
        data-testid="suggestion-bar-accept"
      >
        Accepter
      </button>
      <button
        type="button"
        className="button button-small"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => decide('reject')}
        data-testid="suggestion-bar-reject"
      >
        Refuser
      </button>
    </div>
  );
}
