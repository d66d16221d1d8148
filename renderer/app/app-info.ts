import { createContext, useContext } from 'react';
import type { OpResponse } from '../../shared/api/contract.js';

export type AppInfo = OpResponse<'app:info'>;

/** What the host can do (choose a folder or not); null until it answered. */
export const AppInfoContext = createContext<AppInfo | null>(null);

export function useAppInfo(): AppInfo | null {
  return useContext(AppInfoContext);
}
