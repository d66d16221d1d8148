import { useCallback, useEffect, useRef } from 'react';
import { invoke } from '../api/client.js';
import { onTokenChange } from '../api/token.js';
import { useResult } from '../ui/useResult.js';
import { HomeView } from '../views/home/HomeView.js';
import { ImportHost } from '../views/import/ImportHost.js';
import { SheetView } from '../views/sheet/SheetView.js';
import { SyncBar } from '../views/sync/SyncBar.js';
import { useAppBarHeight } from './app-bar-height.js';
import { AppInfoContext } from './app-info.js';
import { answerHostFlushRequests, flushEverything } from './pending-saves.js';
import { hrefOf, useRoute } from './router.js';

export function App() {
  const route = useRoute();
  const loadInfo = useCallback(() => invoke('app:info', {}), []);
  const [info] = useResult(loadInfo);
  const bar = useRef<HTMLElement>(null);
  useAppBarHeight(bar);

  useEffect(answerHostFlushRequests, []);
  // A new key pasted into the address bar: what failed for want of it is sent now.
  useEffect(() => onTokenChange(() => void flushEverything()), []);

  return (
    <AppInfoContext.Provider value={info.state === 'ready' ? info.value : null}>
      <div className="app">
        <header className="app-bar" ref={bar} data-testid="app-bar">
          <a className="app-brand" href={hrefOf({ name: 'home' })} data-testid="nav-home">
            Fiches
          </a>
          <span className="app-bar-tagline">Fiches variables du chantier prospectif</span>
          <SyncBar />
        </header>
        {route.name === 'sheet' ? <SheetView key={route.id} sheetId={route.id} /> : <HomeView />}
      </div>
      <ImportHost />
    </AppInfoContext.Provider>
  );
}
