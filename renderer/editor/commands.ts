import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';

/** Default title of a new encadré, selected so the first keystroke replaces it. */
export const NEW_ENCADRE_TITLE = 'Titre de l’encadré';

/** Turns the current block into a « Source : » line, or back into a paragraph. */
export function toggleSourceLine(editor: Editor): boolean {
  const chain = editor.chain().focus();
  return editor.isActive('sourceLine') ? chain.setParagraph().run() : chain.setNode('sourceLine').run();
}

export function canToggleSourceLine(editor: Editor): boolean {
  // The source of a figure or a table stays one: it cannot turn into a paragraph there.
  return editor.isActive('sourceLine') ? editor.can().setParagraph() : editor.can().setNode('sourceLine');
}

/** Inserts an encadré (title and one paragraph) and selects its title. */
export function insertEncadre(editor: Editor): boolean {
  return editor
    .chain()
    .focus()
    .command(({ tr, state, dispatch }) => {
      const { encadre, encadreTitle, paragraph } = state.schema.nodes;
      if (!encadre || !encadreTitle || !paragraph) return false;
      const node = encadre.create(null, [
        encadreTitle.create(null, state.schema.text(NEW_ENCADRE_TITLE)),
        paragraph.create(),
      ]);
      if (!dispatch) return true;
      const start = tr.selection.from;
      tr.replaceSelectionWith(node);
      // Where it landed depends on the block the cursor was in: find it, then select its title.
      let titleText: number | undefined;
      tr.doc.nodesBetween(Math.max(0, start - 2), tr.doc.content.size, (child, pos) => {
        if (titleText !== undefined) return false;
        if (child.type === encadre && pos >= start - 2) {
          titleText = pos + 2;
          return false;
        }
        return true;
      });
      if (titleText !== undefined) {
        tr.setSelection(TextSelection.create(tr.doc, titleText, titleText + NEW_ENCADRE_TITLE.length));
      }
      return true;
    })
    .scrollIntoView()
    .run();
}

export function canInsertEncadre(editor: Editor): boolean {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth -= 1) {
    if ($from.node(depth).type.name === 'encadre') return false;
  }
  return true;
}

/**
 * Applies a checked href to the selection, or inserts it as linked text where nothing is
 * selected. Either way the caret then stands just after the link, outside it, as in Word:
 * the next keystroke continues the text instead of replacing or extending the link.
 */
export function applyLink(editor: Editor, href: string): boolean {
  const { empty } = editor.state.selection;
  const chain = editor.chain();
  if (empty && !editor.isActive('link')) {
    chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] });
  } else {
    chain.extendMarkRange('link').setLink({ href });
  }
  return chain
    .command(({ tr }) => {
      tr.setSelection(TextSelection.create(tr.doc, tr.selection.to));
      return true;
    })
    .unsetMark('link')
    .run();
}

export function removeLink(editor: Editor): boolean {
  return editor.chain().extendMarkRange('link').unsetLink().run();
}

/**
 * Enter in an encadré's title goes on in its text: into the paragraph under the title when
 * it is empty (as a new encadré has), else into a new one. Splitting the title would leave
 * the encadré's empty first paragraph behind. False outside a title.
 */
export function enterFromEncadreTitle(editor: Editor): boolean {
  const { $from } = editor.state.selection;
  if ($from.parent.type.name !== 'encadreTitle') return false;
  return editor
    .chain()
    .command(({ tr, state, dispatch }) => {
      const { paragraph } = state.schema.nodes;
      if (!paragraph) return false;
      const afterTitle = $from.after();
      const next = tr.doc.resolve(afterTitle).nodeAfter;
      if (dispatch) {
        if (!(next?.type === paragraph && next.content.size === 0)) tr.insert(afterTitle, paragraph.create());
        tr.setSelection(TextSelection.create(tr.doc, afterTitle + 1));
      }
      return true;
    })
    .scrollIntoView()
    .run();
}
