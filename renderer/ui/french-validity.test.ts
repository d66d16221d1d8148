import { describe, expect, it } from 'vitest';
import { frenchValidityMessage, type CheckedField } from './french-validity.js';

const valid: CheckedField['validity'] = {
  valueMissing: false,
  typeMismatch: false,
  patternMismatch: false,
  tooLong: false,
  tooShort: false,
  rangeUnderflow: false,
  rangeOverflow: false,
  stepMismatch: false,
  badInput: false,
};
const refused = (type: string, fault: keyof typeof valid, more: Partial<CheckedField> = {}) =>
  frenchValidityMessage({ type, validity: { ...valid, [fault]: true }, ...more });

/** The French messages that replace the browser's own, by what the browser refused. */
describe('frenchValidityMessage', () => {
  it('asks for what is missing, as the field is filled in', () => {
    expect(refused('text', 'valueMissing')).toBe('Veuillez renseigner ce champ.');
    expect(refused('checkbox', 'valueMissing')).toBe('Cochez cette case pour continuer.');
    expect(refused('select-one', 'valueMissing')).toBe('Choisissez un élément de la liste.');
  });

  it('gives an example of an address, the field’s own when it shows one', () => {
    expect(refused('email', 'typeMismatch')).toBe('Saisissez une adresse e-mail, par exemple nom@agence.fr.');
    expect(refused('url', 'typeMismatch', { placeholder: 'https://git.agence.fr/depot.git' })).toBe(
      'Saisissez une adresse complète, par exemple https://git.agence.fr/depot.git.',
    );
    expect(refused('url', 'typeMismatch', { placeholder: 'adresse du dépôt' })).toBe(
      'Saisissez une adresse complète, par exemple https://….',
    );
  });

  it('says the length allowed, with the plural agreed', () => {
    expect(refused('text', 'tooLong', { maxLength: 200 })).toBe(
      'Ce champ compte au plus 200\u00a0caractères.',
    );
    expect(refused('text', 'tooShort', { minLength: 1 })).toBe('Ce champ compte au moins 1\u00a0caractère.');
  });

  it('has a French word for every other refusal, and none for a valid field', () => {
    expect(refused('date', 'badInput')).toBe('Saisissez une date complète et valide.');
    expect(refused('number', 'stepMismatch')).toBe('Saisissez une valeur valide.');
    expect(refused('text', 'patternMismatch')).toBe('Le format de ce champ n’est pas valide.');
    expect(frenchValidityMessage({ type: 'text', validity: valid })).toBe('');
  });
});
