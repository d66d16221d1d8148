import { describe, expect, it } from 'vitest';
import { addressesIn, addressOfWord } from './addresses.js';

describe('addressOfWord', () => {
  it.each([
    ['https://exemple.fr/a', 'https://exemple.fr/a', 'https://exemple.fr/a'],
    ['https://exemple.fr/a,', 'https://exemple.fr/a', 'https://exemple.fr/a'],
    ['www.exemple.org.', 'www.exemple.org', 'https://www.exemple.org'],
    ['www.exemple.org', 'www.exemple.org', 'https://www.exemple.org'],
    ['https://exemple.fr/b;', 'https://exemple.fr/b', 'https://exemple.fr/b'],
    ['(https://exemple.fr/c)', 'https://exemple.fr/c', 'https://exemple.fr/c'],
    ['https://exemple.fr/c).', 'https://exemple.fr/c', 'https://exemple.fr/c'],
    ['«https://exemple.fr/d»', 'https://exemple.fr/d', 'https://exemple.fr/d'],
    ['https://exemple.fr/a,b.html', 'https://exemple.fr/a,b.html', 'https://exemple.fr/a,b.html'],
    ['prospective@exemple.fr,', 'prospective@exemple.fr', 'mailto:prospective@exemple.fr'],
    ['mailto:prospective@exemple.fr;', 'mailto:prospective@exemple.fr', 'mailto:prospective@exemple.fr'],
  ])('finds the address of %j', (word, value, href) => {
    expect(addressOfWord(word)).toMatchObject({ value, href });
  });

  it.each(['fin.', 'exemple.com1', 'voir:', 'x(https://exemple.fr)', 'ftp://exemple.fr,'])(
    'finds none in %j',
    (word) => {
      expect(addressOfWord(word)).toBeUndefined();
    },
  );

  it('places the address inside the word', () => {
    expect(addressOfWord('(www.exemple.org),')).toMatchObject({ start: 1, end: 16 });
  });
});

describe('addressesIn', () => {
  it('finds every address of a pasted text, with its href', () => {
    expect(
      addressesIn(
        'Voir https://exemple.fr/etude et www.exemple.org, ou écrire à prospective@exemple.fr.',
      ).map((found) => found.href),
    ).toEqual(['https://exemple.fr/etude', 'https://www.exemple.org', 'mailto:prospective@exemple.fr']);
  });

  it('skips text without an address, and addresses of another protocol', () => {
    expect(addressesIn('Paragraphe 1. Les entreprises produisent toujours plus de données.')).toEqual([]);
    expect(addressesIn('ftp://exemple.fr/fichier')).toEqual([]);
  });
});
