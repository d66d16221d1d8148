import { useEffect } from 'react';
import { invoke, type InvokeOptions } from '../../api/client.js';
import { registerFlush, trackSave } from '../../app/pending-saves.js';
import type { SheetSession } from './session.js';

/**
 * Every way of leaving a sheet saves it: leaving the view (route change), the page being
 * hidden or unloaded (keepalive requests outlive it), Electron closing (flush request).
 * Leaving the view or the page also records a revision in the sheet's history.
 * While something is unsaved, the browser asks before closing the tab.
 */
export function useLeaveGuards(session: SheetSession): void {
  useEffect(() => {
    const { autosaver } = session;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!autosaver.hasUnsaved()) return;
      event.preventDefault();
      // Older Chromium (Electron's included) still needs returnValue set to show the prompt.
      event.returnValue = '';
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') autosaver.flushOnExit();
    };
    const { id } = session.view.sheet;
    // Leaving the sheet records a revision of it (if anything changed), once its last words are saved.
    const checkpoint = (options: InvokeOptions = {}) =>
      invoke('history:checkpoint', { sheetId: id }, options);
    const onPageHide = () => {
      autosaver.flushOnExit();
      void checkpoint({ keepalive: true });
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onHidden);
    const unregister = registerFlush(() => autosaver.flush());
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onHidden);
      unregister();
      trackSave(autosaver.leave().then((saved) => (saved ? checkpoint() : undefined)));
      session.counts.dispose();
    };
  }, [session]);
}
