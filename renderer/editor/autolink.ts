import { Extension } from '@tiptap/core';
import { isHistoryTransaction } from '@tiptap/pm/history';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import { tokenize } from 'linkifyjs';
import { isSafeLinkHref } from '../../shared/content/links.js';

/**
 * Tiptap's autolink links a word typed before a space only when the whole word is an
 * address (or an address in brackets): « voir https://exemple.fr, puis » stays plain text.
 * French text puts punctuation right after an address, so this links the address of such
 * a word, without the punctuation, once the space or Enter that ends it is typed. The
 * address is found by the scanner Tiptap's autolink uses (linkifyjs), and checked as the
 * Link mark checks it (shared/content/links.ts, and the mark's own shouldAutoLink).
 */

/** Before the address: opening brackets or guillemets; after it: closing ones and punctuation. */
const OPENING = /^[([{«“"']*$/u;
const CLOSING = /^[)\]}»”"'’.,;:!?…]+$/u;

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

/** The address inside `word` when the rest is only brackets and punctuation around it. */
function addressIn(word: string): { start: number; end: number; href: string; value: string } | undefined {
  const tokens = tokenize(word).map((token) => token.toObject('https'));
  const links = tokens.filter((token) => token.isLink);
  const [link] = links;
  if (links.length !== 1 || !link) return undefined;
  const before = word.slice(0, link.start);
  const after = word.slice(link.end);
  // A bare address is Tiptap's own case.
  if (after === '' || !OPENING.test(before) || !CLOSING.test(after)) return undefined;
  return link;
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

export const AutolinkBeforePunctuation = Extension.create({
  name: 'autolinkBeforePunctuation',

  addProseMirrorPlugins() {
    const linkExtension = this.editor.extensionManager.extensions.find(
      (extension) => extension.name === 'link',
    );
    const shouldAutoLink = (
      linkExtension?.options as { shouldAutoLink?: (url: string) => boolean } | undefined
    )?.shouldAutoLink;
    return [
      new Plugin({
        key: new PluginKey('autolinkBeforePunctuation'),
        appendTransaction: (transactions, _oldState, state) => {
          const linkType = state.schema.marks['link'];
          if (!linkType || !typedSomething(transactions)) return null;
          const word = endedWord(state);
          const address = word && addressIn(word.text);
          if (!word || !address) return null;
          if (!isSafeLinkHref(address.href) || shouldAutoLink?.(address.value) === false) return null;
          const from = word.from + address.start;
          const to = word.from + address.end;
          if (state.doc.rangeHasMark(from, to, linkType)) return null;
          return state.tr.addMark(from, to, linkType.create({ href: address.href }));
        },
      }),
    ];
  },
});
