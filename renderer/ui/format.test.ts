import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format.js';

/** Dates of the history, the trash and the damaged files. */
describe('formatDateTime', () => {
  it('writes the first of the month as French does, with the time', () => {
    const firstOfDecember = new Date(2025, 11, 1, 14, 32).toISOString();
    expect(formatDateTime(firstOfDecember)).toBe('1er décembre 2025 à 14:32');
    expect(formatDateTime(new Date(2025, 11, 2, 9, 5).toISOString())).toBe('2 décembre 2025 à 09:05');
  });

  it('shows what is not a date as it is', () => {
    expect(formatDateTime('inconnue')).toBe('inconnue');
  });
});
