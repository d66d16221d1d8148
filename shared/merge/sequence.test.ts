import { describe, expect, it } from 'vitest';
import { mergeSequences, resolvedItems, type Segment } from './sequence.js';

const merge = (base: string, ours: string, theirs: string) =>
  mergeSequences([...base], [...ours], [...theirs], (item) => item);
const text = (segments: Segment<string>[], side: 'ours' | 'theirs' = 'ours') =>
  resolvedItems(segments, side).join('');

describe('mergeSequences', () => {
  it('applies the changes of either side when they do not touch', () => {
    expect(merge('abcde', 'aXcde', 'abcdY')).toEqual([{ kind: 'ok', items: [...'aXcdY'] }]);
  });

  it('keeps changes to neighbouring items, which git would call a conflict', () => {
    // b edited on one side, c on the other.
    expect(text(merge('abcd', 'aBcd', 'abCd'))).toBe('aBCd');
    // An insertion right before what the other side replaced goes first; right after, last.
    expect(text(merge('abcd', 'aXbcd', 'aBcd'))).toBe('aXBcd');
    expect(text(merge('abcd', 'abXcd', 'aBcd'))).toBe('aBXcd');
    // Deleted on one side, its neighbour edited on the other.
    expect(text(merge('abcd', 'acd', 'abCd'))).toBe('aCd');
  });

  it('makes a change both sides made once', () => {
    expect(merge('abc', 'aXc', 'aXc')).toEqual([{ kind: 'ok', items: [...'aXc'] }]);
    expect(text(merge('abc', 'ac', 'ac'))).toBe('ac');
  });

  it('reports the same item changed differently on both sides, with each side’s version', () => {
    const segments = merge('abc', 'aXc', 'aYc');
    expect(segments).toEqual([
      { kind: 'ok', items: ['a'] },
      { kind: 'conflict', base: ['b'], ours: ['X'], theirs: ['Y'] },
      { kind: 'ok', items: ['c'] },
    ]);
    expect(text(segments, 'theirs')).toBe('aYc');
  });

  it('keeps both sides’ additions at the same place, ours first', () => {
    expect(merge('ab', 'aXb', 'aYb')).toEqual([{ kind: 'ok', items: [...'aXYb'] }]);
    expect(text(merge('', 'X', 'Y'))).toBe('XY');
  });

  it('reports an edit against a deletion, and an insertion inside a replaced range', () => {
    expect(merge('abc', 'aBc', 'ac')[1]).toEqual({ kind: 'conflict', base: ['b'], ours: ['B'], theirs: [] });
    expect(merge('abcd', 'aZd', 'abXcd')[1]).toEqual({
      kind: 'conflict',
      base: ['b', 'c'],
      ours: ['Z'],
      theirs: ['b', 'X', 'c'],
    });
  });

  it('grows a conflict over every hunk that overlaps it', () => {
    // Ours replaces bc, theirs replaces cd: one region b..d.
    expect(merge('abcde', 'aXde', 'abYe')).toEqual([
      { kind: 'ok', items: ['a'] },
      { kind: 'conflict', base: ['b', 'c', 'd'], ours: ['X', 'd'], theirs: ['b', 'Y'] },
      { kind: 'ok', items: ['e'] },
    ]);
  });

  it('handles empty sequences and one side unchanged', () => {
    expect(merge('', '', '')).toEqual([]);
    expect(text(merge('', 'ab', ''))).toBe('ab');
    expect(text(merge('abc', 'abc', ''))).toBe('');
    expect(text(merge('abc', 'xyz', 'abc'))).toBe('xyz');
  });

  it('keeps repeated items apart', () => {
    expect(text(merge('aaa', 'aXaa', 'aaaY'))).toBe('aXaaY');
  });
});
