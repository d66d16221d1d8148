import { useSyncExternalStore } from 'react';

/**
 * Where the user is in a sheet's history: the panel open or not, what it shows, the
 * entries chosen for a comparison. Kept outside React so it outlives the sheet editor,
 * which is mounted anew after a restore: the user stays in the history they were using.
 */
/**
 * A revision as the interface holds it: its id, which requests send (the same whatever a
 * sync brings), and its number as listed when it was picked, which labels show.
 */
export interface RevisionPick {
  id: string;
  seq: number;
}

export const pickOf = ({ id, seq }: RevisionPick): RevisionPick => ({ id, seq });

export type HistoryScreen =
  { kind: 'revision'; rev: RevisionPick } | { kind: 'compare'; from: RevisionPick; to?: RevisionPick };

/** The sheet's own history, or its family's shared note and micro-scenarios'. */
export type HistoryScope = 'sheet' | 'family';

export interface HistoryUiState {
  sheetId: string | null;
  open: boolean;
  scope: HistoryScope;
  screen: HistoryScreen | null;
  namedOnly: boolean;
  /** Revisions ticked for a comparison, at most two, the latest ticked last. */
  selected: RevisionPick[];
  /** « Enregistrer une version… » is open, for the sheet or for its family's shared content. */
  savingVersion: HistoryScope | null;
  /** Bumped whenever the history changed, so the timeline reads it again. */
  generation: number;
}

const closed = (sheetId: string | null): HistoryUiState => ({
  sheetId,
  open: false,
  scope: 'sheet',
  screen: null,
  namedOnly: false,
  selected: [],
  savingVersion: null,
  generation: 0,
});

let state: HistoryUiState = closed(null);
const listeners = new Set<() => void>();

function update(change: Partial<HistoryUiState>): void {
  state = { ...state, ...change };
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The history state of this sheet; another sheet's is reset (one history open at a time). */
export function useHistoryUi(sheetId: string): HistoryUiState {
  const current = useSyncExternalStore(subscribe, () => state);
  return current.sheetId === sheetId ? current : closed(sheetId);
}

function forSheet(sheetId: string): void {
  if (state.sheetId !== sheetId) state = closed(sheetId);
}

export const historyActions = {
  toggle(sheetId: string): void {
    forSheet(sheetId);
    if (state.open) historyActions.close();
    else update({ open: true });
  },
  /** Closed, the panel shows the sheet's own history again: « Enregistrer une version… » names the sheet's. */
  close(): void {
    update({ open: false, scope: 'sheet', screen: null, selected: [], namedOnly: false });
  },
  show(screen: HistoryScreen | null): void {
    update({ screen });
  },
  /** Another history: what was open or ticked belonged to the one left. */
  setScope(scope: HistoryScope): void {
    update({ scope, screen: null, selected: [], namedOnly: false });
  },
  setNamedOnly(namedOnly: boolean): void {
    update({ namedOnly });
  },
  toggleSelected(rev: RevisionPick): void {
    const selected = state.selected.some((value) => value.id === rev.id)
      ? state.selected.filter((value) => value.id !== rev.id)
      : [...state.selected, pickOf(rev)].slice(-2);
    update({ selected });
  },
  openSaveVersion(sheetId: string, scope: HistoryScope = 'sheet'): void {
    forSheet(sheetId);
    update({ savingVersion: scope });
  },
  closeSaveVersion(): void {
    update({ savingVersion: null });
  },
  /** The history changed (a version recorded, a restore): read it again. */
  changed(): void {
    update({ generation: state.generation + 1 });
  },
};
