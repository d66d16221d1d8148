import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import {
  captionLabel,
  isSourceMissing,
  noCounts,
  numberedKindOf,
  type Counts,
  type NumberedKind,
} from '../../../shared/content/numbering.js';
import type { NumberingSource, PartCounts } from './numbering-registry.js';
import { forEachTopBlock } from '../far-blocks/top-blocks.js';

/**
 * Shows « Figure 3 : » and « Tableau 1 : » before captions, and flags the blocks still
 * without a source, as decorations: the numbers are never part of the document. The
 * section's top level is scanned on each change (a few hundred nodes at most); the
 * decorations are rebuilt only when a number, a flag or an emptiness changes, or when a
 * block was moved.
 */

interface Block {
  kind: NumberedKind;
  number: number;
  pos: number;
  node: PmNode;
  captionEmpty: boolean;
  missingSource: boolean;
}

interface NumberingState {
  start: Counts;
  blocks: Block[];
  signature: string;
  decorations: DecorationSet;
}

export const numberingKey = new PluginKey<NumberingState>('blockNumbering');

const CAPTION_PLACEHOLDER: Record<NumberedKind, string> = {
  figure: 'Légende de la figure',
  table: 'Titre du tableau',
};
const SOURCE_PLACEHOLDER = 'à compléter (obligatoire)';

function scan(doc: PmNode, start: Counts): Block[] {
  const next = { ...start };
  const blocks: Block[] = [];
  forEachTopBlock(doc, (node, pos) => {
    const kind = numberedKindOf(node.type.name);
    if (!kind) return;
    next[kind] += 1;
    const caption = node.firstChild;
    const source = node.lastChild;
    blocks.push({
      kind,
      number: next[kind],
      pos,
      node,
      captionEmpty: !caption || caption.content.size === 0,
      missingSource: source?.type.name !== 'sourceLine' || isSourceMissing(source.textContent),
    });
  });
  return blocks;
}

const signatureOf = (blocks: Block[]) =>
  blocks
    .map((b) => `${b.kind}${b.number}${b.captionEmpty ? 'e' : ''}${b.missingSource ? 'm' : ''}`)
    .join(',');

function labelWidget(kind: NumberedKind, number: number): () => HTMLElement {
  return () => {
    const label = document.createElement('span');
    label.className = 'caption-label';
    label.contentEditable = 'false';
    label.dataset['testid'] = 'caption-label';
    label.textContent = captionLabel(kind, number);
    return label;
  };
}

function decorationsOf(doc: PmNode, blocks: Block[]): DecorationSet {
  const decorations: Decoration[] = [];
  for (const block of blocks) {
    const { pos, node, kind, number } = block;
    decorations.push(
      Decoration.node(pos, pos + node.nodeSize, {
        'data-number': String(number),
        ...(block.missingSource ? { class: 'is-missing-source', 'data-missing-source': 'true' } : {}),
      }),
    );
    const caption = node.firstChild;
    if (caption) {
      const captionPos = pos + 1;
      decorations.push(
        Decoration.widget(captionPos + 1, labelWidget(kind, number), {
          side: -1,
          key: `${kind}-${number}`,
          ignoreSelection: true,
        }),
      );
      if (block.captionEmpty) {
        decorations.push(
          Decoration.node(captionPos, captionPos + caption.nodeSize, {
            class: 'is-empty',
            'data-placeholder': CAPTION_PLACEHOLDER[kind],
          }),
        );
      }
    }
    const source = node.lastChild;
    if (source && block.missingSource) {
      const sourcePos = pos + node.nodeSize - 1 - source.nodeSize;
      decorations.push(
        Decoration.node(sourcePos, sourcePos + source.nodeSize, {
          class: 'is-empty',
          'data-placeholder': SOURCE_PLACEHOLDER,
        }),
      );
    }
  }
  return DecorationSet.create(doc, decorations);
}

function build(doc: PmNode, start: Counts): NumberingState {
  const blocks = scan(doc, start);
  return { start, blocks, signature: signatureOf(blocks), decorations: decorationsOf(doc, blocks) };
}

function apply(tr: Transaction, old: NumberingState, state: EditorState): NumberingState {
  const start = (tr.getMeta(numberingKey) as Counts | undefined) ?? old.start;
  if (!tr.docChanged && start === old.start) return old;
  const blocks = scan(state.doc, start);
  const signature = signatureOf(blocks);
  if (start === old.start && signature === old.signature) {
    // Typing moves the decorations along; a block moved or cut takes its own with it, then rebuild.
    const mapped = old.decorations.map(tr.mapping, tr.doc);
    if (mapped.find().length === old.decorations.find().length)
      return { start, blocks, signature, decorations: mapped };
  }
  return { start, blocks, signature, decorations: decorationsOf(state.doc, blocks) };
}

export function partCountsOf(state: EditorState): PartCounts {
  const blocks = numberingKey.getState(state)?.blocks ?? [];
  const counts = { ...noCounts(), missingSources: 0 };
  for (const block of blocks) {
    counts[block.kind] += 1;
    if (block.missingSource) counts.missingSources += 1;
  }
  return counts;
}

export interface BlockNumberingOptions {
  /** Where this editor's part starts; none for an editor that stands alone (it starts at 1). */
  source: NumberingSource | undefined;
}

export const BlockNumbering = Extension.create<BlockNumberingOptions>({
  name: 'blockNumbering',

  addOptions() {
    return { source: undefined };
  },

  addProseMirrorPlugins() {
    const { source } = this.options;
    return [
      new Plugin<NumberingState>({
        key: numberingKey,
        state: {
          init: (_config, state) => build(state.doc, source?.start() ?? noCounts()),
          apply: (tr, old, _oldState, state) => apply(tr, old, state),
        },
        props: { decorations: (state) => numberingKey.getState(state)?.decorations },
        view: (view) => {
          if (!source) return {};
          let reported = '';
          const report = () => {
            const counts = partCountsOf(view.state);
            const key = `${counts.figure}/${counts.table}/${counts.missingSources}`;
            if (key === reported) return;
            reported = key;
            source.report(counts);
          };
          report();
          const unsubscribe = source.subscribe(() => {
            if (view.isDestroyed) return;
            view.dispatch(view.state.tr.setMeta(numberingKey, source.start()).setMeta('addToHistory', false));
          });
          return {
            update: (_view, previous) => {
              if (numberingKey.getState(previous) !== numberingKey.getState(view.state)) report();
            },
            destroy: unsubscribe,
          };
        },
      }),
    ];
  },
});
