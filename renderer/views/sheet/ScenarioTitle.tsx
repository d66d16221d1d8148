import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo, useState } from 'react';
import type { DocNode } from '../../../shared/content/doc.js';
import { scenarioSchema } from '../../../shared/model/sheet.js';
import { titleDocOf, titleOfDoc } from '../../../shared/review/title-marks.js';
import { activeEditor, forgetEditor } from '../../editor/active-editor.js';
import { registerCommentable } from '../../editor/review/commentable.js';
import { titleExtensions } from '../../editor/title/title-extensions.js';
import { ErrorNotice } from '../../ui/Dialog.js';
import { reviewPlaceOf } from '../review/sheet-review.js';
import type { Owner, Part } from './parts.js';
import { useSheetSession } from './session.js';

interface Props {
  owner: Owner;
  hypothesis: string;
  label: string;
  testId: string;
}

/**
 * A hypothesis's title (shown in capitals, stored as typed): a one-line editor, so its words
 * take comments and suggestions like any text. The sheet (or the family, for its shared
 * micro-scenarios) stores the title as a string and its marks beside it
 * (review.titleMarks); a title the template refuses (too long, control characters) is
 * shown with the reason and not saved, nor are its marks.
 */
export function ScenarioTitle({ owner, hypothesis, label, testId }: Props) {
  const session = useSheetSession();
  const titlePart = useMemo<Part>(() => ({ kind: 'scenario-title', owner, hypothesis }), [owner, hypothesis]);
  const marksPart = useMemo<Part>(() => ({ kind: 'title-marks', owner, hypothesis }), [owner, hypothesis]);
  const [error, setError] = useState<string>();
  const extensions = useMemo(() => titleExtensions('Titre de l’hypothèse'), []);
  const editor = useEditor({
    extensions,
    content: titleDocOf(
      session.valueOf(titlePart) as string,
      session.reviewOf(owner).titleMarksOf(hypothesis),
    ),
    editable: !session.readOnly,
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        class: 'scenario-title',
        role: 'textbox',
        'aria-label': label,
        'aria-multiline': 'false',
        lang: 'fr',
      },
    },
    onUpdate: ({ editor: changed }) => {
      const text = changed.state.doc.textContent;
      const parsed = scenarioSchema.shape.title.safeParse(text);
      if (!parsed.success) {
        setError(parsed.error.issues[0]?.message);
        return;
      }
      setError(undefined);
      session.changed(titlePart, text);
      session.edited(marksPart, () => titleOfDoc(changed.getJSON() as DocNode).marks);
    },
    onFocus: ({ editor: focused }) => activeEditor.set(focused),
    onBlur: () => void session.autosaver.flush(),
  });

  useEffect(
    () => () => {
      session.autosaver.freeze(marksPart);
      forgetEditor(editor);
    },
    [editor, marksPart, session],
  );

  useEffect(() => {
    const place = reviewPlaceOf(titlePart);
    return place && !session.readOnly ? registerCommentable(place, editor) : undefined;
  }, [editor, titlePart, session]);

  return (
    <>
      <div className="scenario-title-field" data-testid={testId} aria-invalid={error ? true : undefined}>
        <EditorContent editor={editor} />
      </div>
      {error && <ErrorNotice message={error} />}
    </>
  );
}
