import { createStore, useStore } from '../../ui/store.js';

/**
 * The Relecture panel of the open sheet: shown or not, resolved threads shown or not, the
 * thread last brought forward (clicked, or under the cursor). Outside React, so the
 * toolbar's button, the panel and the editors share it.
 */
export interface ReviewUiState {
  open: boolean;
  showResolved: boolean;
  /** The thread clicked in the panel or in the text. */
  focused: string | null;
}

const store = createStore<ReviewUiState>({ open: false, showResolved: false, focused: null });

const update = (change: Partial<ReviewUiState>) => store.set({ ...store.get(), ...change });

export function useReviewUi(): ReviewUiState {
  return useStore(store);
}

export const reviewActions = {
  toggle: () => update({ open: !store.get().open }),
  open: () => update({ open: true }),
  close: () => update({ open: false, focused: null }),
  setShowResolved: (showResolved: boolean) => update({ showResolved }),
  focus: (focused: string | null) => update({ focused }),
  isOpen: () => store.get().open,
};
