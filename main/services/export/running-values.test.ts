import { describe, expect, it } from 'vitest';
import { formatDate } from './running-values.js';

/** {date} of the running header and footer, in Paris time, as the layout asks. */
describe('formatDate', () => {
  it('writes the first of the month as French does', () => {
    expect(formatDate('2025-12-01T10:00:00Z', 'long')).toBe('1er décembre 2025');
    // Still 30 November in UTC, already 1 December in Paris.
    expect(formatDate('2025-11-30T23:30:00Z', 'long')).toBe('1er décembre 2025');
    expect(formatDate('2025-12-02T10:00:00Z', 'long')).toBe('2 décembre 2025');
  });

  it('writes the short form with digits', () => {
    expect(formatDate('2025-12-01T10:00:00Z', 'short')).toBe('01/12/2025');
  });
});
