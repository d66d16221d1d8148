import { useState } from 'react';
import { z } from 'zod';
import { nameSchema } from '../../../shared/model/names.js';
import { sheetStatuses, sheetStatusLabels, type SheetStatus } from '../../../shared/model/sheet.js';
import { hrefOf } from '../../app/router.js';
import { ConfirmDialog, ErrorNotice } from '../../ui/Dialog.js';
import { ExportButton } from '../export/ExportButton.js';
import { PreviewButton } from '../preview/PreviewButton.js';
import { DeleteSheetButton } from './DeleteSheetButton.js';
import { useSheetSession } from './session.js';

/** Statuses that say the review is over: reaching one with open threads asks first. */
const REVIEWED: ReadonlySet<SheetStatus> = new Set(['validated', 'published']);

const authorsSchema = z.array(nameSchema).max(50, { message: 'Pas plus de 50\u00a0auteurs.' });

function parseAuthors(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** « 2 fils de commentaires sont encore ouverts (dont 1 sur les micro-scénarios partagés de la famille). » */
function openThreadsSentence(own: number, family: number): string {
  const open = own + family;
  const count =
    open === 1
      ? 'Un fil de commentaires est encore ouvert'
      : `${open}\u00a0fils de commentaires sont encore ouverts`;
  if (family === 0) return `${count}.`;
  const shared = 'sur les micro-scénarios partagés de la famille';
  return own === 0 ? `${count}, ${shared}.` : `${count} (dont ${family}\u00a0${shared}).`;
}

/** Family, variable, status and authors: the sheet's identity, saved as soon as changed. */
export function SheetHeader() {
  const session = useSheetSession();
  const { view } = session;
  const [status, setStatus] = useState(() => session.valueOf({ kind: 'status' }));
  const [authors, setAuthors] = useState(() => session.valueOf({ kind: 'authors' }).join(', '));
  const [authorsError, setAuthorsError] = useState<string>();
  const [confirming, setConfirming] = useState<{ status: SheetStatus; own: number; family: number } | null>(
    null,
  );

  const applyStatus = (next: SheetStatus) => {
    setStatus(next);
    session.changed({ kind: 'status' }, next);
    void session.autosaver.flush();
  };

  // The threads on the family's shared micro-scenarios the sheet shows count: it prints them.
  const changeStatus = (next: SheetStatus) => {
    const { own, family } = session.openThreadsShown();
    if (REVIEWED.has(next) && next !== status && own + family > 0)
      setConfirming({ status: next, own, family });
    else applyStatus(next);
  };

  const changeAuthors = (text: string) => {
    setAuthors(text);
    const parsed = authorsSchema.safeParse(parseAuthors(text));
    if (!parsed.success) {
      setAuthorsError(parsed.error.issues[0]?.message ?? 'Liste d’auteurs invalide.');
      return;
    }
    setAuthorsError(undefined);
    session.changed({ kind: 'authors' }, parsed.data);
  };

  return (
    <header className="sheet-header">
      {!session.readOnly && (
        <nav className="sheet-nav">
          <a href={hrefOf({ name: 'home' })} data-testid="back-home">
            ← Toutes les fiches
          </a>
          <div className="sheet-actions">
            <ExportButton current={{ id: view.sheet.id, name: view.variable.name }} />
            <PreviewButton sheetId={view.sheet.id} name={view.variable.name} />
            <DeleteSheetButton />
          </div>
        </nav>
      )}
      <p className="sheet-family" data-testid="sheet-family">
        {view.family.number}. {view.family.name}
      </p>
      <h1 className="sheet-title" data-testid="sheet-title">
        {view.variable.name}
      </h1>
      <div className="sheet-meta">
        <label className="field field-status">
          <span className="field-label">Statut</span>
          <select
            className="input"
            value={status}
            disabled={session.readOnly}
            onChange={(event) => changeStatus(event.target.value as SheetStatus)}
            data-testid="sheet-status"
          >
            {sheetStatuses.map((value) => (
              <option key={value} value={value}>
                {sheetStatusLabels[value]}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-authors">
          <span className="field-label">Auteurs (séparés par des virgules)</span>
          <input
            className="input"
            value={authors}
            readOnly={session.readOnly}
            onChange={(event) => changeAuthors(event.target.value)}
            onBlur={() => void session.autosaver.flush()}
            aria-invalid={authorsError ? true : undefined}
            placeholder="Prénom Nom, Organisation…"
            data-testid="sheet-authors"
          />
          {authorsError && <ErrorNotice message={authorsError} testId="sheet-authors-error" />}
        </label>
      </div>
      {confirming && (
        <ConfirmDialog
          title={`Passer la fiche à «\u00a0${sheetStatusLabels[confirming.status]}\u00a0»\u202f?`}
          message={
            <p data-testid="status-open-threads">
              {openThreadsSentence(confirming.own, confirming.family)} Vous pouvez les résoudre depuis
              «&nbsp;Relecture&nbsp;», ou changer le statut quand même.
            </p>
          }
          confirmLabel={`Passer à «\u00a0${sheetStatusLabels[confirming.status]}\u00a0»`}
          onConfirm={() => {
            applyStatus(confirming.status);
            setConfirming(null);
          }}
          onCancel={() => setConfirming(null)}
        />
      )}
    </header>
  );
}
