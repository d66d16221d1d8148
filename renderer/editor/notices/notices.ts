import { createStore } from '../../ui/store.js';

/**
 * What the editor has to tell outside the text: an image refused, images a paste could
 * not bring, an import in progress. Errors stay until closed; the rest fades on its own.
 */
export type NoticeKind = 'error' | 'info' | 'progress';

export interface Notice {
  id: number;
  kind: NoticeKind;
  message: string;
}

const INFO_MS = 8000;

export const editorNotices = createStore<readonly Notice[]>([]);
let lastId = 0;

export function dismissNotice(id: number): void {
  editorNotices.set(editorNotices.get().filter((notice) => notice.id !== id));
}

export function notify(kind: NoticeKind, message: string): number {
  lastId += 1;
  const id = lastId;
  editorNotices.set([...editorNotices.get(), { id, kind, message }]);
  if (kind === 'info') setTimeout(() => dismissNotice(id), INFO_MS);
  return id;
}

/** Shows « … en cours » while `work` runs. */
export async function withProgress<T>(message: string, work: () => Promise<T>): Promise<T> {
  const id = notify('progress', message);
  try {
    return await work();
  } finally {
    dismissNotice(id);
  }
}
