import { useCallback } from 'react';
import { ok } from '../../../shared/result.js';
import { invoke } from '../../api/client.js';
import { flushEverything } from '../../app/pending-saves.js';
import { hrefOf } from '../../app/router.js';
import { LoadError, Loading } from '../../ui/Loading.js';
import { useResult } from '../../ui/useResult.js';
import { pageJournal, type JournalEntry } from './journal.js';
import { SheetEditor } from './SheetEditor.js';

/** Numbers each completed load, so the editor starts afresh from every one. */
let loads = 0;

/** What this browser's journal still holds for the sheet; nothing where there is no journal. */
async function journalled(sheetId: string): Promise<JournalEntry[]> {
  try {
    return (await (await pageJournal())?.entriesOf(sheetId)) ?? [];
  } catch {
    return [];
  }
}

/**
 * Loads a sheet, the template it follows and the edits of it this browser still holds,
 * then hands them to the editor. Saves still running (the sheet was just left) end
 * first, so what they send is not taken for lost.
 */
export function SheetView({ sheetId }: { sheetId: string }) {
  const load = useCallback(async () => {
    await flushEverything();
    const [view, template, journal] = await Promise.all([
      invoke('sheets:get', { id: sheetId }),
      invoke('template:get', {}),
      journalled(sheetId),
    ]);
    if (!view.ok) return view;
    if (!template.ok) return template;
    loads += 1;
    return ok({ view: view.value, template: template.value, journal, load: loads });
  }, [sheetId]);
  const [loaded, reload] = useResult(load);

  if (loaded.state === 'loading') return <Loading label="Ouverture de la fiche…" />;
  if (loaded.state === 'error') {
    return (
      <main className="sheet-missing">
        <LoadError error={loaded.error} onRetry={reload} />
        <a className="button" href={hrefOf({ name: 'home' })}>
          Retour à l’accueil
        </a>
      </main>
    );
  }
  const { view, template, journal, load: loadNumber } = loaded.value;
  // A new key after a reload (a restore rewrote the sheet, or only its family's shared
  // micro-scenarios, which leave the sheet's updatedAt as it was): the editors start from the new content.
  return <SheetEditor key={loadNumber} view={view} template={template} journal={journal} onReload={reload} />;
}
