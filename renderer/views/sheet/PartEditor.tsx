import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo } from 'react';
import type { DocNode } from '../../../shared/content/doc.js';
import { activeEditor, forgetEditor } from '../../editor/active-editor.js';
import { docJson } from '../../editor/doc-json.js';
import { docWordCount } from '../../editor/doc-words.js';
import { editorExtensions } from '../../editor/extensions.js';
import { changedContent } from '../../editor/far-blocks/far-blocks-plugin.js';
import { flatDocJson } from '../../editor/far-blocks/top-blocks.js';
import { registerCommentable } from '../../editor/review/commentable.js';
import { reviewPlaceOf } from '../review/sheet-review.js';
import { partKey, type Part } from './parts.js';
import { useSheetSession } from './session.js';

interface Props {
  part: Part;
  placeholder: string;
  label: string;
  testId: string;
}

/**
 * One part of the sheet as its own small editor. A keystroke re-renders nothing: the
 * editor only marks its part dirty and asks for a word count later; the document is
 * serialised when the autosave reads it.
 */
export function PartEditor({ part, placeholder, label, testId }: Props) {
  const session = useSheetSession();
  const extensions = useMemo(
    () => editorExtensions(placeholder, session.numbering.sourceFor(partKey(part))),
    [placeholder, session, part],
  );
  const editor = useEditor({
    extensions,
    content: session.valueOf(part) as DocNode,
    editable: !session.readOnly,
    injectCSS: false,
    // None: the marks' Markdown ones (« **gras** », « *italique* ») would italicise a pasted
    // « 2*3*4 », and each walks every pasted block: a quarter of a second for a 4 MB web
    // page. Addresses in pasted text become links in the paste itself (paste/pasted-addresses.ts).
    enablePasteRules: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { class: 'rich-text', 'aria-label': label, 'aria-multiline': 'true', lang: 'fr' },
    },
    onUpdate: ({ editor: changed, transaction, appendedTransactions }) => {
      // Blocks only moved into or out of runs of far blocks: the section is the same.
      if (!changedContent([transaction, ...appendedTransactions])) return;
      session.edited(
        part,
        () => flatDocJson(changed.state.doc),
        () => docWordCount(changed.state.doc),
        () => docJson(changed.state.doc),
      );
    },
    onFocus: ({ editor: focused }) => activeEditor.set(focused),
    onBlur: ({ editor: left }) => {
      void session.autosaver.flush();
      // A colleague's text that arrived while this part had the focus.
      const arrived = session.remote.takePending(part);
      if (arrived !== undefined && !session.autosaver.isDirty(partKey(part))) {
        left.commands.setContent(arrived as DocNode, { emitUpdate: false });
        session.remote.acknowledge(part, arrived);
      }
    },
  });

  // A sync brought a new text for this part: taken at once unless it is being edited.
  useEffect(
    () =>
      session.remote.listen(part, (value) => {
        if (editor.isFocused) return false;
        editor.commands.setContent(value as DocNode, { emitUpdate: false });
        return true;
      }),
    [editor, part, session],
  );

  useEffect(
    () => () => {
      session.autosaver.freeze(part);
      forgetEditor(editor);
    },
    [editor, part, session],
  );

  // The sheet's parts and the family's shared micro-scenarios take comments and suggestions (views/review).
  useEffect(() => {
    const place = reviewPlaceOf(part);
    return place && !session.readOnly ? registerCommentable(place, editor) : undefined;
  }, [editor, part, session]);

  return (
    <div className="part-editor" data-testid={testId}>
      <EditorContent editor={editor} />
    </div>
  );
}
