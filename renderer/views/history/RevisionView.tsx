import { useCallback, useMemo } from 'react';
import { revisionKindLabels } from '../../../shared/model/history.js';
import { invoke } from '../../api/client.js';
import { formatDateTime } from '../../ui/format.js';
import { LoadError, Loading } from '../../ui/Loading.js';
import { useResult } from '../../ui/useResult.js';
import { PartActionsContext, type PartActions } from '../sheet/part-actions.js';
import { SheetBody } from '../sheet/SheetBody.js';
import { PreviewButton } from '../preview/PreviewButton.js';
import { SheetSession, SheetSessionContext } from '../sheet/session.js';
import { useHistoryContext } from './history-context.js';
import { historyActions, pickOf, type RevisionPick } from './history-ui.js';
import { RestoreButton } from './RestoreButton.js';

/** A past revision, read-only, in the editor's own layout, with a way back to it whole or in part. */
export function RevisionView({ rev }: { rev: RevisionPick }) {
  const { session } = useHistoryContext();
  const sheetId = session.view.sheet.id;
  const load = useCallback(() => invoke('history:get', { sheetId, seq: rev.id }), [sheetId, rev.id]);
  const [loaded, reload] = useResult(load);
  const readOnly = useMemo(
    () =>
      loaded.state === 'ready'
        ? new SheetSession({ ...session.view, sheet: loaded.value.sheet }, session.template, true)
        : null,
    [loaded, session],
  );
  const actions = useCallback<PartActions>(
    (keys, title) => (
      <RestoreButton
        rev={rev}
        parts={keys}
        what={`la partie «\u00a0${title}\u00a0»`}
        label="Restaurer cette section"
        testId={`restore-part-${keys[0] ?? ''}`}
      />
    ),
    [rev],
  );

  if (loaded.state === 'loading') return <Loading label="Lecture de la version…" />;
  if (loaded.state === 'error') return <LoadError error={loaded.error} onRetry={reload} />;
  const { revision } = loaded.value;
  return (
    <div className="history-revision" data-testid="revision-view">
      <header className="history-screen-header">
        <div>
          <h2>
            Version n°&nbsp;{revision.seq}
            {revision.name ? ` — ${revision.name}` : ''}
          </h2>
          <p className="muted">
            {revisionKindLabels[revision.kind]} · {formatDateTime(revision.at)} · {revision.author} · lecture
            seule
          </p>
          {revision.comment && <p className="history-entry-comment">{revision.comment}</p>}
        </div>
        <div className="history-screen-actions">
          <button
            type="button"
            className="button button-small"
            onClick={() => historyActions.show({ kind: 'compare', from: pickOf(revision) })}
            data-testid="revision-compare-current"
          >
            Comparer avec l’état actuel
          </button>
          <PreviewButton sheetId={sheetId} name={session.view.variable.name} revision={rev} />
          <RestoreButton
            rev={rev}
            what="toute la fiche"
            label="Restaurer cette version"
            testId="revision-restore"
          />
        </div>
      </header>
      {readOnly && (
        <SheetSessionContext.Provider value={readOnly}>
          <PartActionsContext.Provider value={actions}>
            <SheetBody />
          </PartActionsContext.Provider>
        </SheetSessionContext.Provider>
      )}
    </div>
  );
}
