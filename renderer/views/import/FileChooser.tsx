import type { DragEvent, RefObject } from 'react';
import { BROWSER_IMPORT_FILE_BYTES } from '../../../shared/api/import-contract.js';
import { carriesFiles, DOCX_TYPES, isDocxName } from './import-files.js';

interface Props {
  host: 'electron' | 'browser';
  onChoose: (files: File[]) => void;
  onDrop: (event: DragEvent) => void;
  filesInput: RefObject<HTMLInputElement | null>;
  folderInput: RefObject<HTMLInputElement | null>;
}

/** The first step: Word files or a folder of them, chosen or dropped; in the browser, the size it can send. */
export function FileChooser({ host, onChoose: choose, onDrop, filesInput, folderInput }: Props) {
  return (
    <div
      className="import-choose"
      onDragOver={(event) => carriesFiles(event.dataTransfer) && event.preventDefault()}
      onDrop={onDrop}
      data-testid="import-choose"
    >
      <p>
        Choisissez une ou plusieurs fiches au format Word (.docx), ou un dossier qui en contient. Pour
        chacune, Fiches propose la variable et la place de chaque partie&nbsp;; vous vérifiez, puis importez.
      </p>
      <div className="import-choose-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => filesInput.current?.click()}
          data-testid="import-choose-files"
        >
          Choisir des fichiers…
        </button>
        <button
          type="button"
          className="button"
          onClick={() => folderInput.current?.click()}
          data-testid="import-choose-folder"
        >
          Choisir un dossier…
        </button>
      </div>
      <p className="muted">Vous pouvez aussi déposer les fichiers ici, ou sur l’accueil.</p>
      {host === 'browser' && (
        <p className="muted" data-testid="import-size-note">
          Dans le navigateur, un fichier de plus de {BROWSER_IMPORT_FILE_BYTES / (1024 * 1024)}&nbsp;Mo ne
          peut pas être envoyé&nbsp;: importez-le depuis l’application de bureau, ou avec la commande{' '}
          <code>fiches import FICHIER.docx</code>.
        </p>
      )}
      <input
        ref={filesInput}
        type="file"
        accept={DOCX_TYPES}
        multiple
        hidden
        onChange={(event) => choose(Array.from(event.target.files ?? []))}
        data-testid="import-file-input"
      />
      <input
        ref={folderInput}
        type="file"
        multiple
        hidden
        onChange={(event) =>
          choose(Array.from(event.target.files ?? []).filter((file) => isDocxName(file.name)))
        }
        data-testid="import-folder-input"
      />
    </div>
  );
}
