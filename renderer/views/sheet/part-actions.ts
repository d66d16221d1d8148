import { createContext, useContext, type ReactNode } from 'react';
import type { Owner } from './parts.js';

/**
 * What a read-only view of the sheet (a past revision) adds beside each part: the history
 * offers « Restaurer cette section » there. `keys` are the history's part keys
 * (shared/model/history.ts) the part is made of, `owner` whose history holds them (the
 * sheet's, or the family's for its note and shared micro-scenarios); the editor itself
 * provides nothing.
 */
export type PartActions = (keys: string[], title: string, owner: Owner) => ReactNode;

export const PartActionsContext = createContext<PartActions | null>(null);

export function usePartActions(): PartActions | null {
  return useContext(PartActionsContext);
}
