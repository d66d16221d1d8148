import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import type { SuggestionKind } from '../../../shared/content/review-marks.js';
import type { PartKey } from '../../../shared/model/history.js';
import type { SuggestionInfo } from '../../../shared/review/anchors.js';
import { suggestionLabel } from '../../../shared/review/labels.js';
import { suggestionRanges, type SuggestionDecision } from '../../../shared/review/suggestions.js';

/** The suggestions of one part, with the editor that holds them (none while the part is hidden). */
export interface PartSuggestions {
  part: PartKey;
  title: string;
  suggestions: SuggestionInfo[];
  editor: Editor | undefined;
}

type Decide = (
  editor: Editor,
  decide: (s: { id: string; kind: SuggestionKind }) => SuggestionDecision | undefined,
) => void;

const one =
  (suggestion: SuggestionInfo, decision: SuggestionDecision) => (s: { id: string; kind: SuggestionKind }) =>
    s.id === suggestion.id && s.kind === suggestion.kind ? decision : undefined;

/** Selects the suggestion's text in its editor and brings it into view. */
function goTo(editor: Editor, suggestion: SuggestionInfo): void {
  const range = suggestionRanges(editor.state.doc).find(
    (candidate) => candidate.id === suggestion.id && candidate.kind === suggestion.kind,
  );
  if (!range) return;
  editor.view.dispatch(
    editor.state.tr
      .setSelection(TextSelection.create(editor.state.doc, range.from, range.to))
      .scrollIntoView(),
  );
  editor.view.focus();
}

/**
 * Suggested insertions and deletions, part by part: each accepted or rejected on its own,
 * a part's all at once, or the sheet's. Each decision is an edit of the text, undone by
 * Ctrl+Z in its part like any other.
 */
export function SuggestionList({ parts, onDecide }: { parts: PartSuggestions[]; onDecide: Decide }) {
  const reachable = parts.filter((part) => part.editor);
  const total = reachable.reduce((count, part) => count + part.suggestions.length, 0);
  const all = (decision: SuggestionDecision) => {
    for (const part of reachable) if (part.editor) onDecide(part.editor, () => decision);
  };
  return (
    <section className="review-section" data-testid="review-suggestions">
      <header className="review-section-header">
        <h3>Modifications proposées</h3>
        {total > 0 && (
          <div className="review-bulk">
            <button
              type="button"
              className="button button-small"
              onClick={() => all('accept')}
              data-testid="suggestions-accept-all"
            >
              Tout accepter ({total})
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => all('reject')}
              data-testid="suggestions-reject-all"
            >
              Tout refuser
            </button>
          </div>
        )}
      </header>
      {parts.map(({ part, title, suggestions, editor }) => (
        <div className="review-part" key={part} data-testid={`suggestions-part-${part}`}>
          <header className="review-part-header">
            <h4>{title}</h4>
            {editor ? (
              <span className="review-bulk">
                <button
                  type="button"
                  className="button button-link"
                  onClick={() => onDecide(editor, () => 'accept')}
                  data-testid="suggestions-accept-part"
                >
                  Accepter celles de la partie
                </button>
                <button
                  type="button"
                  className="button button-link"
                  onClick={() => onDecide(editor, () => 'reject')}
                  data-testid="suggestions-reject-part"
                >
                  Refuser celles de la partie
                </button>
              </span>
            ) : (
              <span className="muted">partie masquée</span>
            )}
          </header>
          <ul className="suggestions">
            {suggestions.map((suggestion) => (
              <li
                key={`${suggestion.kind}-${suggestion.id}`}
                className={`suggestion-item suggestion-item-${suggestion.kind}`}
                data-testid={`suggestion-${suggestion.id}`}
                data-kind={suggestion.kind}
              >
                <button
                  type="button"
                  className="suggestion-go"
                  disabled={!editor}
                  onClick={() => editor && goTo(editor, suggestion)}
                >
                  <span className="suggestion-meta">
                    {suggestionLabel(suggestion.kind, suggestion.author, suggestion.date)}
                  </span>
                  {suggestion.kind === 'insertion' ? (
                    <ins>{suggestion.text}</ins>
                  ) : (
                    <del>{suggestion.text}</del>
                  )}
                </button>
                {editor && (
                  <span className="suggestion-decide">
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => onDecide(editor, one(suggestion, 'accept'))}
                      data-testid="suggestion-accept"
                    >
                      Accepter
                    </button>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => onDecide(editor, one(suggestion, 'reject'))}
                      data-testid="suggestion-reject"
                    >
                      Refuser
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
