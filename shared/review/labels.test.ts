import { describe, expect, it } from 'vitest';
import { changedText, clippedQuote } from './labels.js';

describe('review labels', () => {
  it('quote a proposed change without the spaces around its words', () => {
    // Word tracks « LENTE » typed after a word as « ␣LENTE »: quoted as «  LENTE » before.
    expect(changedText(' LENTE')).toBe('LENTE');
    expect(changedText('deux\nlignes ')).toBe('deux lignes');
  });

  it('name a change of white space only', () => {
    expect(changedText(' ')).toBe('espace');
    expect(changedText('\n\t')).toBe('espace');
  });

  it('cut a long quote', () => {
    expect(clippedQuote('  un   deux trois ', 7)).toBe('un deux…');
  });
});
