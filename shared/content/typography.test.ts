import { describe, expect, it } from 'vitest';
import { frenchTypography, NBSP, NNBSP } from './typography.js';

/** Applies the decision at the cursor, replacing the selection, as an editor or a field does. */
function typeAt(
  value: string,
  start: number,
  end: number,
  character: string,
): { value: string; cursor: number } {
  const edit = frenchTypography(value.slice(0, start), character) ?? { deleteBefore: 0, insert: character };
  const kept = value.slice(0, start - edit.deleteBefore);
  return { value: kept + edit.insert + value.slice(end), cursor: kept.length + edit.insert.length };
}

/** Types `text` character by character at the end, as a user would. */
function typed(text: string): string {
  let value = '';
  for (const character of text) value = typeAt(value, value.length, value.length, character).value;
  return value;
}

describe('high punctuation', () => {
  it.each([
    ['Attention:', `Attention${NBSP}:`],
    ['Attention :', `Attention${NBSP}:`],
    ['Vraiment?', `Vraiment${NNBSP}?`],
    ['Vraiment ?', `Vraiment${NNBSP}?`],
    ['Enfin!', `Enfin${NNBSP}!`],
    ['un; deux', `un${NNBSP}; deux`],
    ['trois espaces   ?', `trois espaces${NNBSP}?`],
    ['« citée »?', `«${NBSP}citée${NBSP}»${NNBSP}?`],
  ])('%j becomes %j', (input, expected) => {
    expect(typed(input)).toBe(expected);
  });

  it('does not space a mark twice (?! and !!)', () => {
    expect(typed('Quoi?!')).toBe(`Quoi${NNBSP}?!`);
    expect(typed('Non!!')).toBe(`Non${NNBSP}!!`);
    expect(typed('Non ! !')).toBe(`Non${NNBSP}!${NNBSP}!`);
  });

  it('replaces a no-break space of the wrong kind', () => {
    expect(frenchTypography(`mot${NBSP}`, '?')).toEqual({ deleteBefore: 1, insert: `${NNBSP}?` });
    expect(frenchTypography(`mot${NNBSP}`, ':')).toEqual({ deleteBefore: 1, insert: `${NBSP}:` });
  });

  it('leaves a mark alone at the start of a line or after an opening bracket', () => {
    expect(frenchTypography('', '?')).toBeUndefined();
    expect(frenchTypography('   ', ':')).toBeUndefined();
    expect(frenchTypography('ligne\n', '!')).toBeUndefined();
    expect(frenchTypography('(', '?')).toBeUndefined();
    expect(typed('(?)')).toBe('(?)');
  });

  it('keeps times and ratios between digits unspaced', () => {
    expect(typed('à 10:30')).toBe('à 10:30');
    expect(typed('1:100')).toBe('1:100');
    expect(typed('Chapitre 3: bilan')).toBe(`Chapitre 3${NBSP}: bilan`);
  });
});

describe('URLs and links', () => {
  it.each([
    ['http://exemple.fr', 'http://exemple.fr'],
    ['https://exemple.fr/a?b=1;c=2', 'https://exemple.fr/a?b=1;c=2'],
    ['ftp://serveur', 'ftp://serveur'],
    ['mailto:a@b.fr', 'mailto:a@b.fr'],
    ['voir www.exemple.fr/?q=1', 'voir www.exemple.fr/?q=1'],
    ["https://exemple.fr/l'index", "https://exemple.fr/l'index"],
    ['(https://exemple.fr/a)', '(https://exemple.fr/a)'],
    ['[www.exemple.fr]', '[www.exemple.fr]'],
  ])('%j is typed as is', (input, expected) => {
    expect(typed(input)).toBe(expected);
  });

  it('spaces again once the URL is over', () => {
    expect(typed('voir https://exemple.fr ?')).toBe(`voir https://exemple.fr${NNBSP}?`);
  });

  it('does nothing inside a link mark', () => {
    expect(frenchTypography('texte du lien', '?', { inLink: true })).toBeUndefined();
    expect(frenchTypography('texte', '"', { inLink: true })).toBeUndefined();
  });
});

describe('guillemets and apostrophes', () => {
  it('opens and closes straight quotes as guillemets with no-break spaces', () => {
    expect(typed('il dit "oui" puis "non".')).toBe(`il dit «${NBSP}oui${NBSP}» puis «${NBSP}non${NBSP}».`);
    expect(typed('"Début"')).toBe(`«${NBSP}Début${NBSP}»`);
    expect(typed('("cité")')).toBe(`(«${NBSP}cité${NBSP}»)`);
  });

  it('spaces typed guillemets and swallows a space typed after «', () => {
    expect(typed('« oui »')).toBe(`«${NBSP}oui${NBSP}»`);
    expect(typed('«oui»')).toBe(`«${NBSP}oui${NBSP}»`);
    expect(typed('" mot "')).toBe(`«${NBSP}mot${NBSP}»`);
    expect(typed('"a" et "b"')).toBe(`«${NBSP}a${NBSP}» et «${NBSP}b${NBSP}»`);
  });

  it('turns a straight apostrophe into a typographic one', () => {
    expect(typed("l'évolution d'aujourd'hui")).toBe('l’évolution d’aujourd’hui');
  });

  it('lets a closing guillemet at the start of a line go in as typed', () => {
    expect(frenchTypography('', '»')).toBeUndefined();
  });
});

describe('what it leaves alone', () => {
  it('ignores ordinary characters and multi-character input (paste, composition)', () => {
    expect(frenchTypography('mot', 'a')).toBeUndefined();
    expect(frenchTypography('mot', ' ')).toBeUndefined();
    expect(frenchTypography('mot', '?!')).toBeUndefined();
    expect(frenchTypography('mot', '')).toBeUndefined();
    expect(frenchTypography('10', '3')).toBeUndefined();
  });

  it('treats an emoji as one character', () => {
    expect(frenchTypography('mot', '😀')).toBeUndefined();
    expect(typed('Bravo 😀!')).toBe(`Bravo 😀${NNBSP}!`);
  });
});

describe('typing in the middle of a text', () => {
  it('applies the edit at the cursor and replaces the selection', () => {
    expect(typeAt('Attention suite', 9, 9, ':')).toEqual({ value: `Attention${NBSP}: suite`, cursor: 11 });
    expect(typeAt('mot XXX', 3, 7, '?')).toEqual({ value: `mot${NNBSP}?`, cursor: 5 });
    expect(typeAt('mot XXX', 4, 7, '?')).toEqual({ value: `mot${NNBSP}?`, cursor: 5 });
  });
});
