import { useCallback, useEffect } from 'react';
import { invoke } from '../api/client.js';
import { useResult } from '../ui/useResult.js';
import { HomeView } from '../views/home/HomeView.js';
import { ImportHost } from '../views/import/ImportHost.js';
import { SheetView } from '../views/sheet/SheetView.js';
import { AppInfoContext } from './app-info.js';
import { answerHostFlushRequests } from './pending-saves.js';
import { hrefOf, useRoute } from './router.js';

export function App() {
  const route = useRoute();
  const loadInfo = useCallback(() => invoke('app:info', {}), []);
  const [info] = useResult(loadInfo);

  useEffect(answerHostFlushRequests, []);

  return (
    <AppInfoContext.Provider value={info.state === 'ready' ? info.value : null}>
      <div className="app">
        <header className="app-bar">
          <a className="app-brand" href={hrefOf({ name: 'home' })} data-testid="nav-home">
            Fiches
          </a>
          <span className="app-bar-tagline">Fiches variables du chantier prospectif</span>
        </header>
        {route.name === 'sheet' ? <SheetView key={route.id} sheetId={route.id} /> : <HomeView />}
      </div>
      <ImportHost />
    </AppInfoContext.Provider>
  );
}
