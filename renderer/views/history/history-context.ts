import { createContext, useContext } from 'react';
import type { SheetSession } from '../sheet/session.js';

/** Whose history the views show, as the history operations name it. */
export type HistoryTargetRef = { sheetId: string } | { familyId: string };

/** What the history's views share: the open sheet, whose history, and what to do once a restore rewrote it. */
export interface HistoryContextValue {
  session: SheetSession;
  target: HistoryTargetRef;
  /** Loads the sheet again, so its editors show the restored content. */
  onRestored: () => void;
}

export const HistoryContext = createContext<HistoryContextValue | null>(null);

export function useHistoryContext(): HistoryContextValue {
  const value = useContext(HistoryContext);
  if (!value) throw new Error('useHistoryContext outside of HistoryHost');
  return value;
}
