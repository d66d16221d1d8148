import { useSyncExternalStore } from 'react';
import { ID_PATTERN } from '../../shared/model/ids.js';

/** Hash routes, so a reload (and the browser's back button) keeps the user's place. */
export type Route = { name: 'home' } | { name: 'sheet'; id: string };

const SHEET_ROUTE = /^#\/fiche\/([^/]+)$/;

export function parseRoute(hash: string): Route {
  const id = SHEET_ROUTE.exec(hash)?.[1];
  if (id !== undefined) {
    const decoded = decodeURIComponent(id);
    if (ID_PATTERN.test(decoded)) return { name: 'sheet', id: decoded };
  }
  return { name: 'home' };
}

export function hrefOf(route: Route): string {
  return route.name === 'sheet' ? `#/fiche/${encodeURIComponent(route.id)}` : '#/';
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

const currentHash = () => window.location.hash;

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return parseRoute(hash);
}
