import type { Editor } from '@tiptap/core';
import { useRef, useState, type FormEvent } from 'react';
import { isSafeLinkHref } from '../../shared/content/links.js';
import { Dialog, ErrorNotice } from '../ui/Dialog.js';
import { createStore, useStore } from '../ui/store.js';
import { applyLink, removeLink } from './commands.js';
import { takeDomSelection } from './dom-selection.js';

/** The editor that asked for a link (toolbar button or Mod-K), while the dialog is open. */
const linkRequest = createStore<{ editor: Editor; id: number } | null>(null);
let requests = 0;

export function requestLink(editor: Editor): void {
  // The selection made just before « Lien » or Ctrl+K (Shift+arrows), even if ProseMirror has not heard of it yet.
  takeDomSelection(editor.view);
  requests += 1;
  linkRequest.set({ editor, id: requests });
}

export const LINK_REFUSED =
  'Adresse refusée\u00a0: seuls les liens web (http://, https://) et les adresses de courriel (mailto:) sont acceptés.';

/** Rendered once per sheet; shows the dialog when an editor asks for a link. */
export function LinkDialogHost() {
  const request = useStore(linkRequest);
  if (!request) return null;
  return <LinkDialog key={request.id} editor={request.editor} onClose={() => linkRequest.set(null)} />;
}

function LinkDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const existing = editor.isActive('link') ? String(editor.getAttributes('link')['href'] ?? '') : '';
  const [href, setHref] = useState(existing);
  const [error, setError] = useState<string>();

  const form = useRef<HTMLFormElement>(null);

  /**
   * Gives the caret back to the text now, in the handler of the key or click that closed the
   * dialog, before the browser handles the next key: the modal is closed first (while open it
   * makes the editor inert), then the editor takes the focus with ProseMirror's selection
   * (just after the link). Waiting for React to unmount the dialog, or for Tiptap's focus in
   * an animation frame, let a fast typist's next keys land elsewhere or replace the link.
   */
  const close = () => {
    form.current?.closest('dialog')?.close();
    if (!editor.isDestroyed) editor.view.focus();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = href.trim();
    if (!isSafeLinkHref(trimmed)) {
      setError(LINK_REFUSED);
      return;
    }
    applyLink(editor, trimmed);
    close();
  };

  return (
    <Dialog title={existing ? 'Modifier le lien' : 'Insérer un lien'} onClose={close} testId="link-dialog">
      <form ref={form} onSubmit={submit} className="dialog-body">
        <label htmlFor="link-href">Adresse</label>
        <input
          id="link-href"
          className="input"
          value={href}
          onChange={(event) => {
            setHref(event.target.value);
            setError(undefined);
          }}
          placeholder="https://…"
          autoFocus
          spellCheck={false}
          data-testid="link-href"
        />
        {error && <ErrorNotice message={error} testId="link-error" />}
        <div className="dialog-actions">
          {existing && (
            <button
              type="button"
              className="button"
              onClick={() => {
                removeLink(editor);
                close();
              }}
              data-testid="link-remove"
            >
              Retirer le lien
            </button>
          )}
          <button type="button" className="button" onClick={close}>
            Annuler
          </button>
          <button type="submit" className="button button-primary" data-testid="link-apply">
            Appliquer
          </button>
        </div>
      </form>
    </Dialog>
  );
}
