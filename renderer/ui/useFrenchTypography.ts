import { useEffect, type RefObject } from 'react';
import { frenchTypography } from '../../shared/content/typography.js';

/**
 * The editors' French typography (no-break spaces, guillemets, apostrophes) for a plain
 * text field. The correction goes through execCommand so the field's own undo still
 * works; a controlled field picks it up from the input event that follows.
 */
export function useFrenchTypography(ref: RefObject<HTMLInputElement | HTMLTextAreaElement | null>): void {
  useEffect(() => {
    const field = ref.current;
    if (!field) return;
    let correcting = false;
    const onBeforeInput = (event: Event) => {
      const { inputType, data } = event as InputEvent;
      if (correcting || inputType !== 'insertText' || !data) return;
      const start = field.selectionStart;
      const end = field.selectionEnd;
      if (start === null || end === null) return;
      const edit = frenchTypography(field.value.slice(0, start), data);
      if (!edit) return;
      event.preventDefault();
      const from = start - edit.deleteBefore;
      correcting = true;
      try {
        field.setSelectionRange(from, end);
        if (!document.execCommand('insertText', false, edit.insert)) {
          field.setRangeText(edit.insert, from, end, 'end');
          field.dispatchEvent(new Event('input', { bubbles: true }));
        }
      } finally {
        correcting = false;
      }
    };
    field.addEventListener('beforeinput', onBeforeInput);
    return () => field.removeEventListener('beforeinput', onBeforeInput);
  }, [ref]);
}
