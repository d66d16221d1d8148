import { useCallback, useMemo } from 'react';
import type { OpResponse } from '../../../shared/api/contract.js';
import { revisionKindLabels } from '../../../shared/model/history.js';
import type { SheetTemplate } from '../../../shared/model/template.js';
import { invoke } from '../../api/client.js';
import { formatDateTime } from '../../ui/format.js';
import { LoadError, Loading } from '../../ui/Loading.js';
import { useResult } from '../../ui/useResult.js';
import { MicroScenarios } from '../sheet/MicroScenarios.js';
import { PartActionsContext, type PartActions } from '../sheet/part-actions.js';
import type { Owner } from '../sheet/parts.js';
import { SheetBody } from '../sheet/SheetBody.js';
import { PreviewButton } from '../preview/PreviewButton.js';
import { SheetSession, SheetSessionContext } from '../sheet/session.js';
import { useHistoryContext } from './history-context.js';
import { historyActions, pickOf, type RevisionPick } from './history-ui.js';
import { RestoreButton } from './RestoreButton.js';

type Opened = OpResponse<'history:get'>;

/**
 * The session a revision is shown in, read-only: a sheet's revision as the sheet was then
 * (the family's shared content as it is today), or a revision of the family's shared
 * content on the open sheet.
 */
function readOnlySession(current: SheetSession, template: SheetTemplate, opened: Opened): SheetSession {
  if ('sheet' in opened) return new SheetSession({ ...current.view, sheet: opened.sheet }, template, true);
  const { sheet } = current.view;
  return new SheetSession(
    {
      ...current.view,
      sheet: { ...sheet, microScenarios: { ...sheet.microScenarios, useFamily: true } },
      familyShared: opened.family,
    },
    template,
    true,
  );
}

/**
 * A past revision, read-only, in the editor's own layout, with a way back to it whole or in
 * part: a sheet's, or one of its family's shared note and micro-scenarios (shown alone).
 */
export function RevisionView({ rev }: { rev: RevisionPick }) {
  const { session, target } = useHistoryContext();
  const sheetId = session.view.sheet.id;
  const owner: Owner = 'familyId' in target ? 'family' : 'sheet';
  const load = useCallback(() => invoke('history:get', { ...target, seq: rev.id }), [target, rev.id]);
  const [loaded, reload] = useResult(load);
  const readOnly = useMemo(
    () => (loaded.state === 'ready' ? readOnlySession(session, session.template, loaded.value) : null),
    [loaded, session],
  );
  const actions = useCallback<PartActions>(
    (keys, title, partOwner) =>
      // Only the parts this revision holds can come back from it.
      partOwner === owner ? (
        <RestoreButton
          rev={rev}
          parts={keys}
          what={`la partie «\u00a0${title}\u00a0»`}
          label="Restaurer cette section"
          testId={`restore-part-${keys[0] ?? ''}`}
        />
      ) : null,
    [rev, owner],
  );

  if (loaded.state === 'loading') return <Loading label="Lecture de la version…" />;
  if (loaded.state === 'error') return <LoadError error={loaded.error} onRetry={reload} />;
  const { revision } = loaded.value;
  return (
    <div className="history-revision" data-testid="revision-view" data-owner={owner}>
      <header className="history-screen-header">
        <div>
          <h2>
            {owner === 'family' ? 'Micro-scénarios partagés, version' : 'Version'} n°&nbsp;{revision.seq}
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
          {owner === 'sheet' && (
            <PreviewButton sheetId={sheetId} name={session.view.variable.name} revision={rev} />
          )}
          <RestoreButton
            rev={rev}
            what={owner === 'family' ? 'la note et les micro-scénarios partagés' : 'toute la fiche'}
            label="Restaurer cette version"
            testId="revision-restore"
          />
        </div>
      </header>
      {readOnly && (
        <SheetSessionContext.Provider value={readOnly}>
          <PartActionsContext.Provider value={actions}>
            {owner === 'family' ? (
              <article className="sheet" aria-label="Micro-scénarios partagés de la famille">
                <MicroScenarios sharedOnly />
              </article>
            ) : (
              <SheetBody />
            )}
          </PartActionsContext.Provider>
        </SheetSessionContext.Provider>
      )}
    </div>
  );
}
