import { BRIDGE_GLOBAL, type FichesBridge } from '../../shared/api/bridge.js';

declare global {
  interface Window {
    /** Electron's preload bridge (shared/api/bridge.ts); absent in the browser host. */
    [BRIDGE_GLOBAL]?: FichesBridge;
  }
}

export function desktopBridge(): FichesBridge | undefined {
  return window[BRIDGE_GLOBAL];
}
