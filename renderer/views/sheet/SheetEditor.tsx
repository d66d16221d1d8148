import { useState } from 'react';
import type { SheetView } from '../../../shared/api/contract.js';
import type { SheetTemplate } from '../../../shared/model/template.js';
import { LinkDialogHost } from '../../editor/link-dialog.js';
import { EditorNotices } from '../../editor/notices/EditorNotices.js';
import { Toolbar } from '../../editor/Toolbar.js';
import { HistoryButtons } from '../history/HistoryButtons.js';
import { HistoryHost } from '../history/HistoryHost.js';
import { familyColourIndex } from '../home/FamilyCard.js';
import { Outline } from './Outline.js';
import { SaveProblem, SaveStateIndicator } from './SaveState.js';
import { SheetBody } from './SheetBody.js';
import { SheetSession, SheetSessionContext } from './session.js';
import { useLeaveGuards } from './useLeaveGuards.js';

interface Props {
  view: SheetView;
  template: SheetTemplate;
  /** Loads the sheet again (after a restore replaced its content). */
  onReload: () => void;
}

/** The open sheet: toolbar, outline, every part in the template's order, and its history. */
export function SheetEditor({ view, template, onReload }: Props) {
  const [session] = useState(() => new SheetSession(view, template));
  useLeaveGuards(session);

  return (
    <SheetSessionContext.Provider value={session}>
      <main
        className="sheet-page"
        data-family={familyColourIndex(view.family.number)}
        data-testid="sheet-view"
      >
        <Toolbar>
          <SaveStateIndicator />
          <HistoryButtons />
        </Toolbar>
        <div className="sheet-messages">
          <SaveProblem />
          <EditorNotices />
        </div>
        <div className="sheet-layout">
          <Outline />
          <SheetBody />
        </div>
        <LinkDialogHost />
        <HistoryHost onRestored={onReload} />
      </main>
    </SheetSessionContext.Provider>
  );
}
