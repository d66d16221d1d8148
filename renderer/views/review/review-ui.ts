import type { ReviewOwner } from '../../../shared/model/review.js';
import { createStore, useStore } from '../../ui/store.js';

/**
 * The Relecture panel of the open sheet: shown or not, whose review it shows (the sheet's,
 * or its family's shared micro-scenarios'), resolved threads shown or not, the thread last
 * brought forward (clicked, or under the cursor). Outside React, so the toolbar's button,
 * the panel and the editors share it.
 */
export interface ReviewUiState {
  open: boolean;
  scope: ReviewOwner;
  showResolved: boolean;
  /** The thread clicked in the panel or in the text. */
  focused: string | null;
}

const store = createStore<ReviewUiState>({ open: false, scope: 'sheet', showResolved: false, focused: null });

const update = (change: Partial<ReviewUiState>) => store.set({ ...store.get(), ...change });

export function useReviewUi(): ReviewUiState {
  return useStore(store);
}

export const reviewActions = {
  toggle: () => (store.get().open ? reviewActions.close() : update({ open: true })),
  open: () => update({ open: true }),
  /** Closed, the panel shows the sheet's own review again when it opens. */
  close: () => update({ open: false, scope: 'sheet', focused: null }),
  showScope: (scope: ReviewOwner) => update({ scope }),
  setShowResolved: (showResolved: boolean) => update({ showResolved }),
  focus: (focused: string | null) => update({ focused }),
  isOpen: () => store.get().open,
};
