import { useCallback } from 'react';
import { ok } from '../../../shared/result.js';
import { invoke } from '../../api/client.js';
import { hrefOf } from '../../app/router.js';
import { LoadError, Loading } from '../../ui/Loading.js';
import { useResult } from '../../ui/useResult.js';
import { SheetEditor } from './SheetEditor.js';

/** Numbers each completed load, so the editor starts afresh from every one. */
let loads = 0;

/** Loads a sheet and the template it follows, then hands them to the editor. */
export function SheetView({ sheetId }: { sheetId: string }) {
  const load = useCallback(async () => {
    const [view, template] = await Promise.all([
      invoke('sheets:get', { id: sheetId }),
      invoke('template:get', {}),
    ]);
    if (!view.ok) return view;
    if (!template.ok) return template;
    loads += 1;
    return ok({ view: view.value, template: template.value, load: loads });
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
  const { view, template, load: loadNumber } = loaded.value;
  // A new key after a reload (a restore rewrote the sheet, or only its family's shared
  // micro-scenarios, which leave the sheet's updatedAt as it was): the editors start from the new content.
  return <SheetEditor key={loadNumber} view={view} template={template} onReload={reload} />;
}
