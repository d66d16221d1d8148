import { useEffect } from 'react';
import { registerFlush, trackSave } from '../../app/pending-saves.js';
import type { SheetSession } from './session.js';

/**
 * Every way of leaving a sheet saves it: leaving the view (route change), the page being
 * hidden or unloaded (keepalive requests outlive it), Electron closing (flush request).
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
    const onPageHide = () => autosaver.flushOnExit();
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onHidden);
    const unregister = registerFlush(() => autosaver.flush());
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onHidden);
      unregister();
      trackSave(autosaver.leave());
      session.counts.dispose();
    };
  }, [session]);
}
