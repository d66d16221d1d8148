import { Extension } from '@tiptap/core';
import { isHistoryTransaction } from '@tiptap/pm/history';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import { addressOfWord } from '../../shared/content/addresses.js';

/**
 * A web or e-mail address typed in the text becomes a link once the space or Enter that
 * ends it is typed, without the punctuation French puts right after it: « voir
 * https://exemple.fr, puis » or « (www.exemple.org). ». Tiptap's own autolink links only
 * a word that is wholly an address, and checks the address's text rather than its href,
 * so « www.exemple.org » and e-mail addresses were never linked. Where both apply, the
 * link is made once.
 */

/** The word a typed space or Enter has just ended, and where it starts in the document. */
function endedWord(state: EditorState): { text: string; from: number } | undefined {
  const { $from, empty } = state.selection;
  if (!empty) return undefined;
  let block = $from.parent;
  let end = $from.parentOffset;
  let start = $from.start();
  if (end === 0) {
    // Enter: the word ends the block before the caret's.
    const before = state.doc.resolve($from.before());
    const previous = before.nodeBefore;
    if (!previous?.isTextblock) return undefined;
    block = previous;
    end = previous.content.size;
    start = before.pos - previous.nodeSize + 1;
  }
  // One character per inline leaf (a line break), so offsets in the text are positions.
  const text = block.textBetween(0, end, undefined, '\ufffc');
  if ($from.parentOffset > 0 && !/\s$/u.test(text)) return undefined;
  const match = /(\S+)\s*$/u.exec(text);
  return match?.[1] ? { text: match[1], from: start + match.index } : undefined;
}

function typedSomething(transactions: readonly Transaction[]): boolean {
  return transactions.some(
    (tr) =>
      tr.docChanged &&
      !tr.getMeta('preventAutolink') &&
      !tr.getMeta('paste') &&
      !isHistoryTransaction(tr) &&
      tr.steps.some((step) => step instanceof ReplaceStep && step.slice.size > 0),
  );
}

export const TypedAddressLinks = Extension.create({
  name: 'typedAddressLinks',

  addProseMirrorPlugins() {
    const linkExtension = this.editor.extensionManager.extensions.find(
      (extension) => extension.name === 'link',
    );
    const shouldAutoLink = (
      linkExtension?.options as { shouldAutoLink?: (url: string) => boolean } | undefined
    )?.shouldAutoLink;
    return [
      new Plugin({
        key: new PluginKey('typedAddressLinks'),
        appendTransaction: (transactions, _oldState, state) => {
          const linkType = state.schema.marks['link'];
          if (!linkType || !typedSomething(transactions)) return null;
          const word = endedWord(state);
          const address = word && addressOfWord(word.text);
          if (!word || !address || shouldAutoLink?.(address.value) === false) return null;
          const from = word.from + address.start;
          const to = word.from + address.end;
          if (state.doc.rangeHasMark(from, to, linkType)) return null;
          return state.tr.addMark(from, to, linkType.create({ href: address.href }));
        },
      }),
    ];
  },
});
