import { useEffect, useState } from 'react';
import type { SheetView } from '../../../shared/api/contract.js';
import type { SheetTemplate } from '../../../shared/model/template.js';
import { LinkDialogHost } from '../../editor/link-dialog.js';
import { EditorNotices } from '../../editor/notices/EditorNotices.js';
import { Toolbar } from '../../editor/Toolbar.js';
import { HistoryButtons } from '../history/HistoryButtons.js';
import { HistoryHost } from '../history/HistoryHost.js';
import { ConflictBanner } from '../sync/ConflictBanner.js';
import { watchSyncGeneration } from '../sync/sync-status.js';
import { ReviewButton } from '../review/ReviewButton.js';
import { ReviewHost } from '../review/ReviewHost.js';
import { SuggestionBar } from '../review/SuggestionBar.js';
import { familyColourIndex } from '../home/FamilyCard.js';
import { pageJournal, type JournalEntry } from './journal.js';
import { Outline } from './Outline.js';
import { RecoveryDialog } from './recovery/RecoveryDialog.js';
import { sortRecovered } from './recovery/recovery.js';
import { SaveProblem, SaveStateIndicator } from './SaveState.js';
import { SheetBody } from './SheetBody.js';
import { SheetSession, SheetSessionContext } from './session.js';
import { SheetTop } from './SheetTop.js';
import { useLeaveGuards } from './useLeaveGuards.js';

interface Props {
  view: SheetView;
  template: SheetTemplate;
  /** Edits of this sheet the browser kept because the host never acknowledged them. */
  journal: JournalEntry[];
  /** Loads the sheet again (after a restore replaced its content). */
  onReload: () => void;
}

/** The open sheet: toolbar, outline, every part in the template's order, its history and its review. */
export function SheetEditor({ view, template, journal, onReload }: Props) {
  const [session] = useState(() => new SheetSession(view, template));
  const [recovery] = useState(() => sortRecovered(journal, view));
  const [offering, setOffering] = useState(recovery.offered.length > 0);
  useLeaveGuards(session);
  // A sync brought colleagues' changes: into the parts not being edited, now.
  useEffect(() => watchSyncGeneration(() => void session.refreshFromHost()), [session]);

  // Edits that reached the host after all need no offer: forget them.
  useEffect(() => {
    if (recovery.landed.length === 0) return;
    void pageJournal().then((opened) =>
      opened?.remove(
        view.sheet.id,
        recovery.landed.map((entry) => entry.key),
      ),
    );
  }, [recovery, view]);

  return (
    <SheetSessionContext.Provider value={session}>
      <main
        className="sheet-page"
        data-family={familyColourIndex(view.family.number)}
        data-testid="sheet-view"
      >
        {/* Sticky together, so the messages sit under the toolbar whatever its height. */}
        <SheetTop>
          <Toolbar>
            <SaveStateIndicator />
            <ReviewButton />
            <HistoryButtons />
          </Toolbar>
          <div className="sheet-messages">
            <SaveProblem />
            <EditorNotices />
            <SuggestionBar />
          </div>
        </SheetTop>
        <ConflictBanner onResolved={onReload} />
        <div className="sheet-layout">
          <Outline />
          <SheetBody />
        </div>
        <LinkDialogHost />
        {offering && (
          <RecoveryDialog
            view={view}
            template={template}
            offered={recovery.offered}
            onDone={(taken) => (taken ? onReload() : setOffering(false))}
          />
        )}
        <HistoryHost onRestored={onReload} />
        <ReviewHost onReload={onReload} />
      </main>
    </SheetSessionContext.Provider>
  );
}
