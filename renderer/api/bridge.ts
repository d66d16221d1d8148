import type { Result } from '../../shared/result.js';

/** What Electron's preload exposes on window.fiches (absent in the browser host). */
export interface FichesBridge {
  invoke(name: string, request: unknown): Promise<Result<unknown>>;
  /** Electron asks before closing or switching repository: the callback saves what is pending. */
  onFlushRequest?(callback: () => Promise<void>): unknown;
  /** Electron's menu asks the page to act (« export:docx »…); returns the unsubscribe function. */
  onMenuCommand?(callback: (command: string) => void): () => void;
}

declare global {
  interface Window {
    fiches?: FichesBridge;
  }
}

export function desktopBridge(): FichesBridge | undefined {
  return window.fiches;
}
