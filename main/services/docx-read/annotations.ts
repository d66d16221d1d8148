import { readBlocks } from './blocks.js';
import type { ReadContext } from './context.js';
import { inlineText } from './inline-text.js';
import type { Block, Comment } from './model.js';
import { attr, children, NS } from './xml.js';

/**
 * What sits beside the body: footnotes and endnotes (by id), and comments with their
 * threads. Word 2013 and later keep a comment's reply link and its resolved state in
 * commentsExtended.xml, keyed by the paragraph id of the comment's last paragraph, and
 * a durable id in commentsIds.xml, keyed the same way.
 */

export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((block) =>
      block.kind === 'paragraph'
        ? inlineText(block.content)
        : block.rows.map((row) => row.cells.map((cell) => blocksText(cell.blocks)).join('\t')).join('\n'),
    )
    .join('\n');
}

/** Footnotes or endnotes; the separators Word keeps among them (ids -1, 0, typed) are not notes. */
export function readNotes(ctx: ReadContext, kind: 'footnotes' | 'endnotes'): Map<string, Block[]> {
  const notes = new Map<string, Block[]>();
  const rel = ctx.pkg.related(ctx.pkg.mainPart, kind);
  const root = rel ? ctx.pkg.xml(rel.target)?.documentElement : undefined;
  if (!rel || !root) return notes;
  const partCtx = ctx.forPart(rel.target);
  for (const note of children(root, NS.w, kind === 'footnotes' ? 'footnote' : 'endnote')) {
    const id = attr(note, NS.w, 'id');
    const type = attr(note, NS.w, 'type');
    if (id === undefined || (type !== undefined && type !== 'normal')) continue;
    notes.set(id, readBlocks(note, partCtx));
  }
  return notes;
}

interface Thread {
  parentParaId?: string;
  done?: boolean;
}

function threads(ctx: ReadContext): Map<string, Thread> {
  const found = new Map<string, Thread>();
  const rel = ctx.pkg.related(ctx.pkg.mainPart, 'commentsExtended');
  const root = rel ? ctx.pkg.xml(rel.target)?.documentElement : undefined;
  for (const entry of root ? children(root, NS.w15, 'commentEx') : []) {
    const paraId = attr(entry, NS.w15, 'paraId');
    if (!paraId) continue;
    const parent = attr(entry, NS.w15, 'paraIdParent');
    const done = attr(entry, NS.w15, 'done');
    found.set(paraId, {
      ...(parent ? { parentParaId: parent } : {}),
      ...(done ? { done: done === '1' } : {}),
    });
  }
  return found;
}

function durableIds(ctx: ReadContext): Map<string, string> {
  const found = new Map<string, string>();
  const rel = ctx.pkg.related(ctx.pkg.mainPart, 'commentsIds');
  const root = rel ? ctx.pkg.xml(rel.target)?.documentElement : undefined;
  for (const entry of root ? children(root, NS.w16cid, 'commentId') : []) {
    const paraId = attr(entry, NS.w16cid, 'paraId');
    const durable = attr(entry, NS.w16cid, 'durableId');
    if (paraId && durable) found.set(paraId, durable);
  }
  return found;
}

export function readComments(ctx: ReadContext): Comment[] {
  const rel = ctx.pkg.related(ctx.pkg.mainPart, 'comments');
  const root = rel ? ctx.pkg.xml(rel.target)?.documentElement : undefined;
  if (!rel || !root) return [];
  const partCtx = ctx.forPart(rel.target);
  const threadOf = threads(ctx);
  const durableOf = durableIds(ctx);
  const byParaId = new Map<string, string>();
  const comments = children(root, NS.w, 'comment').flatMap((element) => {
    const id = attr(element, NS.w, 'id');
    if (id === undefined) return [];
    const blocks = readBlocks(element, partCtx);
    const last = [...blocks].reverse().find((block) => block.kind === 'paragraph');
    const paraId = last?.kind === 'paragraph' ? last.paraId : undefined;
    if (paraId) byParaId.set(paraId, id);
    const author = attr(element, NS.w, 'author');
    const initials = attr(element, NS.w, 'initials');
    const date = attr(element, NS.w, 'date');
    const thread = paraId ? threadOf.get(paraId) : undefined;
    const durableId = paraId ? durableOf.get(paraId) : undefined;
    const comment: Comment & { parentParaId?: string } = {
      id,
      ...(author ? { author } : {}),
      ...(initials ? { initials } : {}),
      ...(date ? { date } : {}),
      blocks,
      text: blocksText(blocks),
      ...(thread?.done !== undefined ? { done: thread.done } : {}),
      ...(durableId ? { durableId } : {}),
      ...(thread?.parentParaId ? { parentParaId: thread.parentParaId } : {}),
    };
    return [comment];
  });
  return comments.map(({ parentParaId, ...comment }) => {
    const parentId = parentParaId ? byParaId.get(parentParaId) : undefined;
    return parentId ? { ...comment, parentId } : comment;
  });
}
