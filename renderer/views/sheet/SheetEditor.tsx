import { useState } from 'react';
import type { SheetView } from '../../../shared/api/contract.js';
import type { SheetTemplate } from '../../../shared/model/template.js';
import { LinkDialogHost } from '../../editor/link-dialog.js';
import { Toolbar } from '../../editor/Toolbar.js';
import { familyColourIndex } from '../home/FamilyCard.js';
import { MicroScenarios } from './MicroScenarios.js';
import { Outline } from './Outline.js';
import { SaveStateIndicator } from './SaveState.js';
import { SectionPart } from './SectionPart.js';
import { SheetHeader } from './SheetHeader.js';
import { SheetSession, SheetSessionContext } from './session.js';
import { StandardText } from './StandardText.js';
import { useLeaveGuards } from './useLeaveGuards.js';

/** The open sheet: toolbar, outline, and every part in the template's order. */
export function SheetEditor({ view, template }: { view: SheetView; template: SheetTemplate }) {
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
        </Toolbar>
        <div className="sheet-layout">
          <Outline />
          <article className="sheet" aria-label={`Fiche ${view.variable.name}`}>
            <SheetHeader />
            <StandardText paragraphs={template.standardTexts.opening} testId="standard-opening" />
            {template.sections.map((section) => (
              <SectionPart key={section.id} section={section} phases={template.phases} />
            ))}
            <MicroScenarios />
          </article>
        </div>
        <LinkDialogHost />
      </main>
    </SheetSessionContext.Provider>
  );
}
