import { Mark, mergeAttributes } from '@tiptap/core';
import { ID_MAX_LENGTH, ID_PATTERN } from '../model/ids.js';
import { suggestionLabel } from '../review/labels.js';

/**
 * The marks of a review, in the content itself so they follow every edit: a comment's
 * anchor (the thread lives beside the content, in the sheet's review), and a suggested
 * insertion or deletion (a tracked change, as Word's w:ins and w:del). None has a parse
 * rule: pasted HTML never creates one, so a comment or a suggestion only comes from the
 * review's own actions (and from the Word import that builds on them).
 */

export const COMMENT_MARK = 'comment';
export const INSERTION_MARK = 'insertion';
export const DELETION_MARK = 'deletion';
export const SUGGESTION_MARKS = [INSERTION_MARK, DELETION_MARK] as const;
export type SuggestionKind = (typeof SUGGESTION_MARKS)[number];
/** Every review mark, as the nodes' `marks` lists name them. */
export const REVIEW_MARKS = `${COMMENT_MARK} ${INSERTION_MARK} ${DELETION_MARK}`;

const AUTHOR_MAX = 200;

export function isReviewId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= ID_MAX_LENGTH && ID_PATTERN.test(value);
}

function checkId(what: string) {
  return (value: unknown): void => {
    if (!isReviewId(value)) throw new RangeError(`${what} invalide : ${String(value).slice(0, 80)}`);
  };
}

function checkAuthor(value: unknown): void {
  if (typeof value !== 'string' || value.length > AUTHOR_MAX || /\p{Cc}/u.test(value)) {
    throw new RangeError(`auteur de suggestion invalide : ${String(value).slice(0, 80)}`);
  }
}

const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;

function checkDate(value: unknown): void {
  // Word writes no date on some changes: a suggestion may have none.
  if (value !== null && !(typeof value === 'string' && ISO_DATE.test(value))) {
    throw new RangeError(`date de suggestion invalide : ${String(value).slice(0, 40)}`);
  }
}

/**
 * The anchor of a comment thread: the text it is about. Comments may overlap (two
 * reviewers on the same words), so the mark does not exclude itself; typing at its edge
 * does not extend it.
 */
export const CommentMark = Mark.create({
  name: COMMENT_MARK,
  excludes: '',
  inclusive: false,
  addAttributes() {
    return {
      thread: {
        default: null,
        validate: checkId('fil de commentaire'),
        renderHTML: (attributes) => ({ 'data-thread': attributes.thread as string }),
      },
    };
  },
  renderHTML: ({ HTMLAttributes }) => ['span', mergeAttributes(HTMLAttributes, { class: 'comment-mark' }), 0],
});

/** The editor's rendering of a suggestion: its kind, author and date as a tooltip (on hover). */
function renderSuggestion(tag: 'ins' | 'del', kind: SuggestionKind) {
  return ({
    HTMLAttributes,
    mark,
  }: {
    HTMLAttributes: Record<string, unknown>;
    mark: { attrs: Record<string, unknown> };
  }) =>
    [
      tag,
      mergeAttributes(HTMLAttributes, {
        class: `suggestion suggestion-${kind}`,
        title: suggestionLabel(
          kind,
          String(mark.attrs.author ?? ''),
          (mark.attrs.date as string | null) ?? null,
        ),
      }),
      0,
    ] as [string, Record<string, unknown>, 0];
}

function suggestionAttributes() {
  return {
    id: {
      default: null,
      validate: checkId('suggestion'),
      renderHTML: (attributes: Record<string, unknown>) => ({ 'data-suggestion': attributes.id as string }),
    },
    author: {
      default: '',
      validate: checkAuthor,
      renderHTML: (attributes: Record<string, unknown>) => ({ 'data-author': attributes.author as string }),
    },
    date: {
      default: null,
      validate: checkDate,
      renderHTML: (attributes: Record<string, unknown>) =>
        attributes.date ? { 'data-date': attributes.date as string } : {},
    },
  };
}

/** Text a reviewer proposes to add: shown underlined in colour until accepted or rejected. */
export const InsertionMark = Mark.create({
  name: INSERTION_MARK,
  excludes: INSERTION_MARK,
  inclusive: false,
  addAttributes: suggestionAttributes,
  renderHTML: renderSuggestion('ins', INSERTION_MARK),
});

/** Text a reviewer proposes to remove: still in the text, struck through, until accepted or rejected. */
export const DeletionMark = Mark.create({
  name: DELETION_MARK,
  excludes: DELETION_MARK,
  inclusive: false,
  addAttributes: suggestionAttributes,
  renderHTML: renderSuggestion('del', DELETION_MARK),
});

export function reviewMarkExtensions() {
  return [CommentMark, InsertionMark, DeletionMark];
}
