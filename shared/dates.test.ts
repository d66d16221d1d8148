import { describe, expect, it } from 'vitest';
import { formatFrenchDate } from './dates.js';

const paris = { timeZone: 'Europe/Paris' };

describe('formatFrenchDate', () => {
  it.each([
    ['2025-12-01T10:00:00Z', '1er décembre 2025'],
    ['2025-12-02T10:00:00Z', '2 décembre 2025'],
    ['2025-12-11T10:00:00Z', '11 décembre 2025'],
    ['2025-12-21T10:00:00Z', '21 décembre 2025'],
    ['2026-01-01T10:00:00Z', '1er janvier 2026'],
  ])('writes %s as « %s »', (iso, expected) => {
    expect(formatFrenchDate(iso, paris)).toBe(expected);
  });

  it('adds the time, and reads the date in the time zone asked for', () => {
    // 23:30 UTC on 30 November is already 1 December in Paris.
    expect(formatFrenchDate('2025-11-30T23:30:00Z', { ...paris, time: true })).toBe(
      '1er décembre 2025 à 00:30',
    );
    expect(formatFrenchDate('2025-11-30T23:30:00Z', { timeZone: 'UTC', time: true })).toBe(
      '30 novembre 2025 à 23:30',
    );
  });

  it('keeps the numeric style as it is', () => {
    expect(formatFrenchDate(new Date('2025-12-01T10:00:00Z'), { ...paris, style: 'numeric' })).toBe(
      '01/12/2025',
    );
  });

  it('returns what is not a date as it is', () => {
    expect(formatFrenchDate('hier')).toBe('hier');
    expect(formatFrenchDate(new Date(Number.NaN))).toBe('');
  });
});
