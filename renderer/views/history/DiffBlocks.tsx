import type { BlockChange, MetaChange, PartDiff } from '../../../shared/history/diff-schema.js';
import { DiffText } from './DiffText.js';
import { TableDiff } from './TableDiff.js';

/**
 * The parts of a comparison as the user reads them, inline: used by the history's
 * comparison and by the offer of edits found in the journal.
 */

/** Unchanged blocks around a change are context: long ones are cut. */
const CONTEXT_CHARS = 280;

const clip = (text: string) => (text.length > CONTEXT_CHARS ? `${text.slice(0, CONTEXT_CHARS)}…` : text);

function Label({ block }: { block: BlockChange }) {
  return block.label ? <span className="diff-label">{block.label}</span> : null;
}

function DiffBlock({ block }: { block: BlockChange }) {
  switch (block.kind) {
    case 'same':
      return (
        <div className="diff-block diff-same">
          <Label block={block} />
          {clip(block.text)}
        </div>
      );
    case 'added':
      return (
        <div className="diff-block diff-added">
          <span className="diff-tag">Ajouté</span>
          <Label block={block} />
          <ins>{block.text}</ins>
        </div>
      );
    case 'removed':
      return (
        <div className="diff-block diff-removed">
          <span className="diff-tag">Supprimé</span>
          <Label block={block} />
          <del>{block.text}</del>
        </div>
      );
    case 'moved-out':
    case 'moved-in': {
      const where = block.otherPart
        ? `${block.kind === 'moved-out' ? 'vers' : 'depuis'} «\u00a0${block.otherPart}\u00a0»`
        : block.kind === 'moved-out'
          ? 'ailleurs dans la partie'
          : 'ici';
      return (
        <div className={`diff-block diff-${block.kind}`}>
          <span className="diff-tag">Déplacé {where}</span>
          <Label block={block} />
          {clip(block.text)}
        </div>
      );
    }
    case 'changed':
      return (
        <div className="diff-block diff-changed">
          {block.formatOnly && <span className="diff-tag">Mise en forme ou image modifiée</span>}
          <Label block={block} />
          {block.table ? <TableDiff table={block.table} /> : <DiffText segments={block.segments} />}
        </div>
      );
  }
}

/** A changed part: a title's words, or its blocks (`changesOnly`: without the unchanged ones around). */
export function DiffPartBody({ part, changesOnly = false }: { part: PartDiff; changesOnly?: boolean }) {
  if (part.segments) {
    return (
      <p className="diff-block diff-changed">
        <DiffText segments={part.segments} />
      </p>
    );
  }
  const blocks = changesOnly ? part.blocks?.filter((block) => block.kind !== 'same') : part.blocks;
  return (
    <>
      {blocks?.map((block, index) => (
        <DiffBlock key={index} block={block} />
      ))}
    </>
  );
}

/** Status, authors and the choice of micro-scenarios: before → after. */
export function DiffMetaList({ changes }: { changes: MetaChange[] }) {
  return (
    <dl className="diff-meta">
      {changes.map((change) => (
        <div key={change.field}>
          <dt>{change.label}</dt>
          <dd>
            <del>{change.before}</del> → <ins>{change.after}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}
