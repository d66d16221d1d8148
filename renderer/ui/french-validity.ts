/**
 * The browser checks a form's fields before it is sent (`required`, `type="url"`,
 * `maxLength`…) and says what is wrong in its own language: « Please fill out this field. »
 * in an English Chromium or Electron. Fiches speaks French whatever the browser's language,
 * so each refused field gets a French message, given when the browser refuses it and taken
 * back as soon as the field is edited, so that the browser checks it anew.
 */

/** The field's properties the message depends on. */
export interface CheckedField {
  type: string;
  validity: Pick<
    ValidityState,
    | 'valueMissing'
    | 'typeMismatch'
    | 'patternMismatch'
    | 'tooLong'
    | 'tooShort'
    | 'rangeUnderflow'
    | 'rangeOverflow'
    | 'stepMismatch'
    | 'badInput'
  >;
  maxLength?: number;
  minLength?: number;
  /** The placeholder shows what is expected: a typed address repeats it as its example. */
  placeholder?: string;
}

const plural = (count: number, word: string) => `${count}\u00a0${word}${count > 1 ? 's' : ''}`;

/** What a French browser would say of the refused field; '' when nothing is wrong. */
export function frenchValidityMessage(field: CheckedField): string {
  const { validity } = field;
  if (validity.valueMissing) {
    if (field.type === 'checkbox') return 'Cochez cette case pour continuer.';
    if (field.type === 'select-one' || field.type === 'select-multiple')
      return 'Choisissez un élément de la liste.';
    return 'Veuillez renseigner ce champ.';
  }
  if (validity.typeMismatch) {
    if (field.type === 'email') return 'Saisissez une adresse e-mail, par exemple nom@agence.fr.';
    if (field.type === 'url') {
      const example = field.placeholder?.startsWith('https://') ? field.placeholder : 'https://…';
      return `Saisissez une adresse complète, par exemple ${example}.`;
    }
  }
  if (validity.tooLong && field.maxLength !== undefined)
    return `Ce champ compte au plus ${plural(field.maxLength, 'caractère')}.`;
  if (validity.tooShort && field.minLength !== undefined)
    return `Ce champ compte au moins ${plural(field.minLength, 'caractère')}.`;
  if (field.type === 'date' && (validity.badInput || validity.rangeUnderflow || validity.rangeOverflow))
    return 'Saisissez une date complète et valide.';
  if (validity.badInput || validity.stepMismatch || validity.rangeUnderflow || validity.rangeOverflow)
    return 'Saisissez une valeur valide.';
  if (validity.patternMismatch || validity.typeMismatch) return 'Le format de ce champ n’est pas valide.';
  return '';
}

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function isField(target: EventTarget | null): target is Field {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** Gives every field of `root` French messages (once, at start: the listeners are the document's). */
export function installFrenchValidityMessages(root: Document = document): void {
  root.addEventListener(
    'invalid',
    (event) => {
      if (!isField(event.target)) return;
      const field = event.target;
      // The browser's own verdict first: a message left from an earlier refusal counts for nothing.
      // (`validity` is read again, live; checkValidity() would fire this event anew.)
      field.setCustomValidity('');
      if (field.validity.valid) return;
      field.setCustomValidity(
        frenchValidityMessage({
          type: field.type,
          validity: field.validity,
          maxLength: 'maxLength' in field && field.maxLength >= 0 ? field.maxLength : undefined,
          minLength: 'minLength' in field && field.minLength >= 0 ? field.minLength : undefined,
          placeholder: 'placeholder' in field ? field.placeholder : undefined,
        }),
      );
    },
    true,
  );
  const retake = (event: Event) => {
    if (isField(event.target)) event.target.setCustomValidity('');
  };
  root.addEventListener('input', retake, true);
  root.addEventListener('change', retake, true);
}
