import { useEffect } from 'react';
import { invoke } from '../../api/client.js';
import { createStore, useStore } from '../../ui/store.js';

/**
 * The name comments are signed with: the history panel's (preferences:get), so a comment,
 * a reply and a revision carry the same name. Read once, updated when the user changes it.
 */
export const authorName = createStore<string | null>(null);

let loading: Promise<void> | undefined;

function load(): Promise<void> {
  loading ??= invoke('preferences:get', {}).then((result) => {
    if (result.ok) authorName.set(result.value.authorName);
    else loading = undefined;
  });
  return loading;
}

/** The user's name, null until read. */
export function useAuthorName(): string | null {
  useEffect(() => {
    if (authorName.get() === null) void load();
  }, []);
  return useStore(authorName);
}
