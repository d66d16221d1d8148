import { EditorContent, useEditor } from '@tiptap/react';
import { useCallback, useMemo, useState } from 'react';
import type { SheetView } from '../../../shared/api/contract.js';
import type { DocNode } from '../../../shared/content/doc.js';
import type { BlockChange, Segment } from '../../../shared/history/diff-schema.js';
import { diffSheets } from '../../../shared/history/diff.js';
import { partTitle } from '../../../shared/history/titles.js';
import { unionOfDocs } from '../../../shared/merge/union.js';
import { isDocPartKey, META_KEY } from '../../../shared/model/part-keys.js';
import type { Conflict } from '../../../shared/model/sheet.js';
import type { SheetTemplate } from '../../../shared/model/template.js';
import { invoke } from '../../api/client.js';
import { editorExtensions } from '../../editor/extensions.js';
import { flatDocJson } from '../../editor/far-blocks/top-blocks.js';
import { Dialog, ErrorNotice } from '../../ui/Dialog.js';
import { formatDateTime } from '../../ui/format.js';
import { DiffText } from '../history/DiffText.js';

/**
 * A conflict of a sync, in the comparison view's manner: the version in the sheet and the
 * other one side by side, what differs marked in each (deleted on the left, added on the
 * right). Keep one, the other, or « Modifier les deux ensemble »: an editor holding both,
 * to make one of them. Resolving records a revision of the sheet.
 */
type Side = 'current' | 'other';

interface Props {
  view: SheetView;
  template: SheetTemplate;
  conflict: Conflict;
  /** Whose file the conflict is in: the sheet's, or its family's shared content. */
  owner: 'sheet' | 'family';
  onClose: () => void;
  onResolved: () => void;
}

function currentValueOf(view: SheetView, owner: Props['owner'], part: string): unknown {
  const { sheet, familyShared } = view;
  const [head, hypothesis, kind, angle] = part.split('/');
  const scenarios = owner === 'sheet' ? sheet.microScenarios.scenarios : familyShared.scenarios;
  if (head === 'section') return sheet.sections[hypothesis ?? ''];
  if (head === 'note') return familyShared.note;
  if (head === 'meta')
    return { status: sheet.status, authors: sheet.authors, useFamily: sheet.microScenarios.useFamily };
  if (kind === 'title') return scenarios[hypothesis ?? '']?.title ?? '';
  return scenarios[hypothesis ?? '']?.angles[angle ?? ''];
}

/** One version's side of a segment list: the other side's insertions (or deletions) left out. */
const sideOf = (segments: Segment[], side: Side): Segment[] =>
  segments.filter((segment) => segment.op === 'same' || segment.op === (side === 'current' ? 'del' : 'ins'));

function SideBlock({ block, side }: { block: BlockChange; side: Side }) {
  const ownKinds = side === 'current' ? ['removed', 'moved-out'] : ['added', 'moved-in'];
  if (block.kind === 'changed') {
    return (
      <p className="diff-block diff-changed">
        <DiffText segments={sideOf(block.segments, side)} />
      </p>
    );
  }
  if (block.kind === 'same') return <p className="diff-block diff-same">{block.text}</p>;
  if (!ownKinds.includes(block.kind)) return null;
  const Tag = side === 'current' ? 'del' : 'ins';
  return (
    <p className={`diff-block diff-${side === 'current' ? 'removed' : 'added'}`}>
      <Tag>{block.text}</Tag>
    </p>
  );
}

function EditTogether({
  start,
  onSave,
  busy,
}: {
  start: DocNode;
  onSave: (doc: DocNode) => void;
  busy: boolean;
}) {
  const extensions = useMemo(() => editorExtensions('Le texte à garder'), []);
  const editor = useEditor({
    extensions,
    content: start,
    injectCSS: false,
    immediatelyRender: true,
    editorProps: {
      attributes: { class: 'rich-text', 'aria-label': 'Les deux versions, à modifier en une', lang: 'fr' },
    },
  });
  return (
    <div className="conflict-together" data-testid="conflict-together">
      <p className="muted">
        Les deux versions sont réunies ci-dessous&nbsp;: faites-en une seule, puis enregistrez.
      </p>
      <div className="conflict-editor" data-testid="conflict-editor">
        <EditorContent editor={editor} />
      </div>
      <button
        type="button"
        className="button button-primary"
        disabled={busy}
        onClick={() => onSave(flatDocJson(editor.state.doc))}
        data-testid="conflict-save-together"
      >
        Garder ce texte
      </button>
    </div>
  );
}

export function ConflictView({ view, template, conflict, owner, onClose, onResolved }: Props) {
  const [together, setTogether] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const title = partTitle(template, conflict.part);
  const current = currentValueOf(view, owner, conflict.part);
  const diff = useMemo(
    () =>
      diffSheets(
        template,
        { [conflict.part]: current as never },
        { [conflict.part]: conflict.value as never },
      ),
    [template, conflict, current],
  );
  const part = diff.parts.find((candidate) => candidate.key === conflict.part);
  const resolve = useCallback(
    async (choice: 'current' | 'other' | 'edited', value?: unknown) => {
      const target = owner === 'sheet' ? { sheetId: view.sheet.id } : { familyId: view.family.id };
      setBusy(true);
      setError(undefined);
      const result = await invoke('conflicts:resolve', {
        ...target,
        conflictId: conflict.id,
        choice,
        ...(value !== undefined ? { value: value as never } : {}),
      });
      setBusy(false);
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      onResolved();
    },
    [owner, view.sheet.id, view.family.id, conflict.id, onResolved],
  );

  const column = (side: Side) => (
    <section className="conflict-version" data-testid={`conflict-${side}`}>
      <h3>
        {side === 'current'
          ? `Version actuelle (${conflict.currentAuthor})`
          : `Version de ${conflict.author}`}
      </h3>
      {part?.blocks?.map((block, index) => (
        <SideBlock key={index} block={block} side={side} />
      ))}
      {part?.segments && (
        <p className="diff-block diff-changed">
          <DiffText segments={sideOf(part.segments, side)} />
        </p>
      )}
      {conflict.part === META_KEY &&
        diff.meta.map((change) => (
          <p key={change.field}>
            {change.label}&nbsp;: {side === 'current' ? change.before : change.after}
          </p>
        ))}
    </section>
  );

  return (
    <Dialog title={`Conflit dans «\u00a0${title}\u00a0»`} onClose={onClose} testId="conflict-view">
      <div className="dialog-body conflict-view">
        <p className="muted">
          Cette partie a été modifiée des deux côtés avant une synchronisation ({formatDateTime(conflict.at)}
          ). Les deux versions sont gardées jusqu’à ce que vous choisissiez&nbsp;; la version écartée reste
          dans l’historique.
        </p>
        <div className="conflict-columns">
          {column('current')}
          {column('other')}
        </div>
        {error && <ErrorNotice message={error} testId="conflict-error" />}
        <div className="conflict-actions">
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void resolve('current')}
            data-testid="conflict-keep-current"
          >
            Garder la version actuelle
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void resolve('other')}
            data-testid="conflict-keep-other"
          >
            Garder la version de {conflict.author}
          </button>
          {isDocPartKey(conflict.part) && !together && (
            <button
              type="button"
              className="button"
              onClick={() => setTogether(true)}
              data-testid="conflict-edit-together"
            >
              Modifier les deux ensemble
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Plus tard
          </button>
        </div>
        {together && (
          <EditTogether
            start={unionOfDocs(current as DocNode, conflict.value as DocNode)}
            busy={busy}
            onSave={(doc) => void resolve('edited', doc)}
          />
        )}
      </div>
    </Dialog>
  );
}
