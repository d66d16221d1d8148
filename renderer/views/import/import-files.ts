import { createStore } from '../../ui/store.js';

/**
 * Which Word files the user gave (chosen, or dropped on the home view, folders included),
 * and the requests to open the import from anywhere: the home view's button, a drop, the
 * desktop menu.
 */

export const DOCX_TYPES = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** An import to show: the files it starts with (none: the user chooses them in the dialog). */
export const importRequest = createStore<{ files: File[] } | null>(null);

/** Counts the imports applied, so the views showing the repository read it again. */
export const importsApplied = createStore(0);

export function openImport(files: File[] = []): void {
  importRequest.set({ files: inNameOrder(files) });
}

/** Where a file was chosen from: its path inside the chosen folder, else its name. */
const pathOf = (file: File) => file.webkitRelativePath || file.name;

/** In name order, whatever order the system listed a folder in. */
export function inNameOrder(files: readonly File[]): File[] {
  return [...files].sort((a, b) => pathOf(a).localeCompare(pathOf(b), 'fr'));
}

/** Word's lock files (« ~$fiche.docx ») are not documents. */
export function isDocxName(name: string): boolean {
  return name.toLowerCase().endsWith('.docx') && !name.startsWith('~$');
}

function entryFiles(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) {
    return new Promise((resolve) =>
      (entry as FileSystemFileEntry).file(
        (file) => resolve([file]),
        () => resolve([]),
      ),
    );
  }
  if (!entry.isDirectory) return Promise.resolve([]);
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const all: File[] = [];
  // readEntries answers a batch at a time, an empty one at the end.
  const next = (): Promise<File[]> =>
    new Promise((resolve) =>
      reader.readEntries(
        (batch) => {
          if (batch.length === 0) {
            resolve(all);
            return;
          }
          void Promise.all(batch.map(entryFiles)).then((files) => {
            all.push(...files.flat());
            resolve(next());
          });
        },
        () => resolve(all),
      ),
    );
  return next();
}

/** The files of a drop, folders walked; the caller keeps the .docx ones. */
export async function droppedFiles(data: DataTransfer): Promise<File[]> {
  const entries = Array.from(data.items)
    .map((item) => item.webkitGetAsEntry?.())
    .filter((entry): entry is FileSystemEntry => Boolean(entry));
  if (entries.length === 0) return Array.from(data.files);
  return (await Promise.all(entries.map(entryFiles))).flat();
}

/** Whether a drag carries files (rather than text or an image of the page). */
export function carriesFiles(data: DataTransfer | null): boolean {
  return Boolean(data && Array.from(data.types).includes('Files'));
}
