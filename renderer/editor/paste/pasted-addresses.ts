import { Fragment, Slice, type MarkType, type Node } from '@tiptap/pm/model';
import { addressesIn, type FoundAddress } from '../../../shared/content/addresses.js';

/**
 * An address in pasted or dropped text becomes a link when its href is safe (addresses.ts):
 * « www.exemple.fr », « https://exemple.fr/etude », « nom@exemple.fr ». Done on the pasted
 * slice before it is inserted, one reading of each pasted text block. Tiptap's paste rule
 * did it on the document after the paste: it walked every pasted block and then every
 * text node in it again, a tenth of a second for a 4 MB web page that holds no address
 * in its text.
 *
 * Text that is a link already keeps its link: a pasted page's « www.exemple.fr » that
 * leads to another page still leads there. Text under a mark that excludes links is left.
 */

/** One character per inline leaf (a line break), so that offsets in the text are positions. */
const LEAF_TEXT = '\ufffc';

/** The block's text as textBetween(0, size, undefined, LEAF_TEXT) reads it, without its position arithmetic. */
function inlineText(block: Node): string {
  let text = '';
  block.forEach((child) => {
    text += child.isText ? (child.text ?? '') : child.isLeaf ? LEAF_TEXT : inlineText(child);
  });
  return text;
}

/** Whether the address's text can become a link: not linked already, under no mark that excludes links. */
function canLink(block: Node, address: FoundAddress, link: MarkType): boolean {
  let free = true;
  block.nodesBetween(address.start, address.end, (node) => {
    if (node.marks.some((mark) => mark.type === link || mark.type.excludes(link))) free = false;
    return free;
  });
  return free;
}

/** The block's inline content with links over `addresses` (sorted, not overlapping). */
function linkedContent(block: Node, addresses: readonly FoundAddress[], link: MarkType): Fragment {
  let content = Fragment.empty;
  let at = 0;
  for (const address of addresses) {
    content = content.append(block.content.cut(at, address.start));
    const mark = link.create({ href: address.href });
    const linked: Node[] = [];
    block.content.cut(address.start, address.end).forEach((node) => {
      linked.push(node.mark(mark.addToSet(node.marks)));
    });
    content = content.append(Fragment.fromArray(linked));
    at = address.end;
  }
  return content.append(block.content.cut(at));
}

function withLinkedAddresses(
  fragment: Fragment,
  link: MarkType,
  shouldLink: (address: string) => boolean,
): Fragment {
  let changed = false;
  const children: Node[] = [];
  fragment.forEach((node) => {
    let result = node;
    if (node.isTextblock) {
      if (!node.type.spec.code && node.type.allowsMarkType(link)) {
        const addresses = addressesIn(inlineText(node)).filter(
          (address) => shouldLink(address.value) && canLink(node, address, link),
        );
        if (addresses.length > 0) result = node.copy(linkedContent(node, addresses, link));
      }
    } else if (!node.isLeaf && !node.isInline) {
      const content = withLinkedAddresses(node.content, link, shouldLink);
      if (content !== node.content) result = node.copy(content);
    }
    changed ||= result !== node;
    children.push(result);
  });
  return changed ? Fragment.fromArray(children) : fragment;
}

/** The slice with its addresses linked; the same slice when it holds none. */
export function linkPastedAddresses(
  slice: Slice,
  link: MarkType,
  shouldLink: (address: string) => boolean = () => true,
): Slice {
  const content = withLinkedAddresses(slice.content, link, shouldLink);
  return content === slice.content ? slice : new Slice(content, slice.openStart, slice.openEnd);
}
