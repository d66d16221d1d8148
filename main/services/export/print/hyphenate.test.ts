import { describe, expect, it } from 'vitest';
import { hyphenateFrench, SOFT_HYPHEN } from './hyphenate.js';
import { frenchSpaces } from '../plan/text.js';
import { bodyText } from './text.js';

const shown = (text: string) => text.replaceAll(SOFT_HYPHEN, '-');

describe('hyphenateFrench', () => {
  it('breaks French words at the points of the French patterns', () => {
    expect(shown(hyphenateFrench('augmentation'))).toBe('aug-men-ta-tion');
    expect(shown(hyphenateFrench('produites'))).toBe('pro-duites');
    expect(shown(hyphenateFrench('développement'))).toBe('dé-ve-lop-pe-ment');
    expect(shown(hyphenateFrench('l’augmentation des données'))).toBe('l’aug-men-ta-tion des don-nées');
  });

  it('leaves short words, numbers and punctuation alone', () => {
    expect(hyphenateFrench('Le Big Data, en 2016 : 7 %.')).toBe('Le Big Data, en 2016 : 7 %.');
  });

  it('never breaks a URL or an e-mail address', () => {
    const text = 'voir https://www.economie.gouv.fr/transformation-numerique ou contact@agence-regionale.fr';
    expect(hyphenateFrench(text)).toBe(text);
    expect(hyphenateFrench('www.transformation.fr')).toBe('www.transformation.fr');
  });

  it('gives the same answer from its cache', () => {
    const first = hyphenateFrench('transformation transformation');
    expect(first.split(' ')[0]).toBe(first.split(' ')[1]);
    expect(shown(first.split(' ')[0] as string)).toBe('trans-for-ma-tion');
  });
});

describe('print text', () => {
  it('makes French spaces unbreakable', () => {
    expect(frenchSpaces('Note : voir « ceci » ; vraiment ? oui !')).toBe(
      'Note\u00a0: voir «\u00a0ceci\u00a0»\u202f; vraiment\u202f? oui\u202f!',
    );
  });

  it('escapes after hyphenating', () => {
    expect(bodyText('<augmentation> & "co"', { hyphenate: true })).toBe(
      `&lt;aug${SOFT_HYPHEN}men${SOFT_HYPHEN}ta${SOFT_HYPHEN}tion&gt; &amp; &quot;co&quot;`,
    );
    expect(bodyText('augmentation', { hyphenate: false })).toBe('augmentation');
  });
});
