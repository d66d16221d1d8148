// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { closeHistory, redoDepth, undoDepth } from '@tiptap/pm/history';
import { TextSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import { doc, figure, paragraph } from '../../../shared/content/builders.js';
import type { DocNode } from '../../../shared/content/doc.js';
import { docJson } from '../doc-json.js';
import { docWordCount } from '../doc-words.js';
import { editorExtensions } from '../extensions.js';
import { deleteBlock, moveBlock } from '../figure/block-commands.js';
import { insertBlocks } from '../figure/insert.js';
import { numberingKey } from '../figure/numbering-plugin.js';
import { FAR_BLOCKS } from './far-blocks-node.js';
import { changedContent } from './far-blocks-plugin.js';
import { FarBlocksStep } from './far-blocks-step.js';
import { MIN_BLOCKS, NEAR } from './far-blocks-rules.js';
import { flatDocJson, forEachTopBlock } from './top-blocks.js';

/**
 * Runs of far blocks in a real editor (all of the editor's extensions): a long section is
 * held in runs away from the selection, yet reads, saves, counts, numbers and undoes as
 * the flat section it is.
 */
let editor: Editor | undefined;
afterEach(() => editor?.destroy());

const paragraphs = (count: number, label = 'Paragraphe') =>
  Array.from({ length: count }, (_, index) => paragraph(`${label} ${index + 1}.`));

/** An editor opened on `content`, as a section is: its far blocks held before its first frame. */
async function open(content: DocNode): Promise<Editor> {
  editor = new Editor({ element: document.createElement('div'), extensions: editorExtensions(''), content });
  await Promise.resolve();
  return editor;
}

const runsOf = (target: Editor) => {
  let runs = 0;
  target.state.doc.forEach((child) => (runs += child.type.name === FAR_BLOCKS ? 1 : 0));
  return runs;
};

/** The position inside the text of the section's `index`-th block. */
function inBlock(target: Editor, index: number): number {
  let found = -1;
  let at = 0;
  forEachTopBlock(target.state.doc, (_block, pos) => {
    if (at++ === index) found = pos + 1;
  });
  return found;
}

/**
 * Puts the cursor at `pos`, as a click does, then lets the editor finish with it (the
 * next key always comes in a task of its own).
 */
async function select(target: Editor, pos: number): Promise<void> {
  target.view.dispatch(target.state.tr.setSelection(TextSelection.create(target.state.doc, pos)));
  await Promise.resolve();
}

/** The top-level block (of the editor's document) holding the selection. */
const selectedTopNode = (target: Editor) => target.state.selection.$from.node(1).type.name;

describe('runs of far blocks', () => {
  it('hold a long section away from the selection, which reads, saves and counts as the flat section', async () => {
    const content = doc(...paragraphs(2000));
    const target = await open(content);
    expect(runsOf(target)).toBeGreaterThan(25);
    expect(flatDocJson(target.state.doc)).toEqual(content);
    expect(docJson(target.state.doc)).toBe(JSON.stringify(content));
    expect(docWordCount(target.state.doc)).toBe(2000 * 2);
    // The blocks around the selection (at the start) are top-level ones.
    target.state.doc.forEach((child, _pos, index) => {
      if (index <= NEAR) expect(child.type.name).toBe('paragraph');
    });
  });

  it('never hold a section of ordinary length', async () => {
    const target = await open(doc(...paragraphs(MIN_BLOCKS - 1)));
    target.commands.setTextSelection(inBlock(target, MIN_BLOCKS - 2));
    target.commands.insertContent('x');
    expect(runsOf(target)).toBe(0);
  });

  it('give their blocks back to the top level when the selection comes in, out of the history', async () => {
    const target = await open(doc(...paragraphs(2000)));
    target.commands.insertContent('Début. ');
    const depth = undoDepth(target.state);
    const updates: boolean[] = [];
    target.on('update', ({ transaction, appendedTransactions }) =>
      updates.push(changedContent([transaction, ...appendedTransactions])),
    );
    const far = inBlock(target, 1500);
    expect(target.state.doc.resolve(far).node(1).type.name).toBe(FAR_BLOCKS);
    await select(target, far);
    expect(selectedTopNode(target)).toBe('paragraph');
    expect(target.state.selection.$from.parent.textContent).toBe('Paragraphe 1501.');
    expect(undoDepth(target.state)).toBe(depth);
    // The section itself did not change: nothing to save.
    expect(updates).toEqual([false]);
  });

  it('leave a Backspace at the start of a run’s first block to join it with the block before', async () => {
    const target = await open(doc(...paragraphs(2000)));
    // The first block of the run that holds block 1000.
    let first = -1;
    let index = 0;
    target.state.doc.forEach((child) => {
      if (child.type.name === FAR_BLOCKS && index <= 1000 && index + child.childCount > 1000) first = index;
      index += child.type.name === FAR_BLOCKS ? child.childCount : 1;
    });
    expect(first).toBeGreaterThan(900);
    await select(target, inBlock(target, first));
    target.commands.keyboardShortcut('Backspace');
    const blocks = flatDocJson(target.state.doc).content ?? [];
    expect(blocks).toHaveLength(1999);
    expect(blocks[first - 1]).toEqual(paragraph(`Paragraphe ${first}.Paragraphe ${first + 1}.`));
  });

  it('leave an address typed in a block that was in a run to become a link', async () => {
    const target = await open(doc(...paragraphs(2000)));
    const far = inBlock(target, 1200);
    await select(target, far);
    target.commands.insertContent('www.exemple.fr ');
    const typed = flatDocJson(target.state.doc).content?.[1200]?.content?.[0];
    expect(typed).toMatchObject({ text: 'www.exemple.fr', marks: [{ type: 'link' }] });
  });

  it('undo and redo a long paste and the edits after it exactly', async () => {
    const start = doc(paragraph('Avant.'), paragraph('Après.'));
    const target = await open(start);
    target.commands.setTextSelection(7);
    target.commands.insertContent(paragraphs(3000, 'Collé').map((node) => node as never));
    const pasted = flatDocJson(target.state.doc);
    expect(runsOf(target)).toBeGreaterThan(40);

    // Far up, a word typed in a block that was in a run, later (a new step of the history).
    const far = inBlock(target, 200);
    await select(target, far);
    target.view.dispatch(closeHistory(target.state.tr));
    target.commands.insertContent('Ajout ');
    const typed = flatDocJson(target.state.doc);
    expect(typed.content?.[200]).toEqual(paragraph('Ajout Collé 200.'));

    target.commands.undo();
    await Promise.resolve();
    const undone = flatDocJson(target.state.doc);
    expect(undone.content?.length).toBe(pasted.content?.length);
    expect(undone.content?.[200]).toEqual(pasted.content?.[200]);
    expect(undone).toEqual(pasted);
    // The run the undo left the selection in came back to the top level just after it.
    expect(selectedTopNode(target)).toBe('paragraph');
    target.commands.undo();
    await Promise.resolve();
    expect(flatDocJson(target.state.doc)).toEqual(start);
    // A selection that moves between the undo and the redo keeps what can be redone.
    target.commands.setTextSelection(2);
    expect(redoDepth(target.state)).toBe(2);
    target.commands.redo();
    await Promise.resolve();
    expect(flatDocJson(target.state.doc)).toEqual(pasted);
    // Moving into a run after an undo: its blocks come back out of the history, the redo still lands.
    const again = inBlock(target, 2500);
    await select(target, again);
    target.commands.redo();
    await Promise.resolve();
    expect(flatDocJson(target.state.doc)).toEqual(typed);
  });

  it('number the figures they hold with those of the top level', async () => {
    const blocks: DocNode[] = [];
    for (let index = 0; index < 40; index += 1) {
      blocks.push(...paragraphs(30), figure(`Figure ${index + 1}`, 'INSEE'));
    }
    const target = await open(doc(...blocks));
    expect(runsOf(target)).toBeGreaterThan(10);
    const numbered = numberingKey.getState(target.state)?.blocks ?? [];
    expect(numbered.map((block) => block.number)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });
});

describe('a figure the editor holds in a run', () => {
  /** 40 figures, each after 30 paragraphs: 1,240 blocks. */
  const section = () => {
    const blocks: DocNode[] = [];
    for (let index = 0; index < 40; index += 1) {
      blocks.push(...paragraphs(30, `Bloc ${index + 1}`), figure(`Figure ${index + 1}`, 'INSEE'));
    }
    return doc(...blocks);
  };
  /** The position of the figure captioned `caption`, checked to be in a run. */
  function figureAt(target: Editor, caption: string): number {
    let found = -1;
    forEachTopBlock(target.state.doc, (block, pos) => {
      if (block.type.name === 'figure' && block.textContent.startsWith(caption)) found = pos;
    });
    expect(target.state.doc.resolve(found).node(1)?.type.name).toBe(FAR_BLOCKS);
    return found;
  }
  const captions = (target: Editor) =>
    (flatDocJson(target.state.doc).content ?? []).flatMap((block, index) =>
      block.type === 'figure' ? [`${index}:${block.content?.[0]?.content?.[0]?.text ?? ''}`] : [],
    );

  it('moves up and down, and is deleted, by its buttons as at the top level', async () => {
    const target = await open(section());
    const dispatch = target.view.dispatch.bind(target.view);
    // The editor adds a paragraph after the last figure, for the cursor to go on.
    const count = () => flatDocJson(target.state.doc).content?.length;
    const blocks = count();
    expect(moveBlock(target.state, figureAt(target, 'Figure 30'), -1, dispatch)).toBe(true);
    expect(captions(target)).toContain('928:Figure 30');
    expect(moveBlock(target.state, figureAt(target, 'Figure 20'), 1, dispatch)).toBe(true);
    expect(captions(target)).toContain('620:Figure 20');
    expect(count()).toBe(blocks);
    expect(deleteBlock(target.state, figureAt(target, 'Figure 10'), dispatch)).toBe(true);
    expect(captions(target).filter((caption) => caption.endsWith(':Figure 10'))).toEqual([]);
    expect(count()).toBe((blocks ?? 0) - 1);
  });

  it('dropped among blocks of a run, goes right after the block it was dropped on', async () => {
    const target = await open(section());
    const dropped = inBlock(target, 700);
    expect(target.state.doc.resolve(dropped).node(1).type.name).toBe(FAR_BLOCKS);
    const node = target.schema.nodes['figure']?.create({ asset: null }, [
      target.schema.nodes['caption']!.create(null, target.schema.text('Déposée')),
      target.schema.nodes['sourceLine']!.create(),
    ]);
    expect(insertBlocks(target, node ? [node] : [], dropped)).toBe(true);
    expect(captions(target)).toContain('701:Déposée');
  });
});

describe('the step that holds and releases runs', () => {
  it('is undone by its inverse and maps every position of the text exactly', async () => {
    const target = await open(doc(...paragraphs(MIN_BLOCKS - 1)));
    const before = target.state.doc;
    const starts: number[] = [];
    before.forEach((_block, pos) => starts.push(pos));
    const at = (index: number) => starts[index] as number;
    // Two runs side by side, then one further: blocks 10–19, 20–29 and 40–49.
    const ranges = [
      [at(10), at(20)],
      [at(20), at(30)],
      [at(40), at(50)],
    ] as const;
    const hold = new FarBlocksStep(true, ranges);
    const held = hold.apply(before).doc;
    if (!held) throw new Error('not applied');
    expect(held.childCount).toBe(before.childCount - 30 + 3);
    expect(held.child(10).type.name).toBe(FAR_BLOCKS);
    const back = hold.invert().apply(held).doc;
    expect(back?.eq(before)).toBe(true);
    // The text of block 25 and of block 45 is found where the map says.
    const map = hold.getMap();
    for (const index of [5, 25, 45, 60]) {
      const pos = at(index) + 3;
      expect(held.textBetween(map.map(pos), map.map(pos) + 5)).toBe(before.textBetween(pos, pos + 5));
    }
    // A run whose blocks do not start where said is refused, nothing changed.
    expect(new FarBlocksStep(true, [[at(10) + 1, at(20)]]).apply(before).failed).toBeTruthy();
  });
});
