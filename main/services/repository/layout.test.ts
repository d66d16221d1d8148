import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result.js';
import { compactTimestamp, RepositoryLayout } from './layout.js';

const root = resolve('/srv/depot');
const layout = new RepositoryLayout(root);

function refusal(run: () => unknown): AppFailure {
  try {
    run();
  } catch (error) {
    return error as AppFailure;
  }
  throw new Error('expected a refusal');
}

describe('RepositoryLayout', () => {
  it('maps ids to files inside the repository', () => {
    expect(layout.sheetFile('big-data')).toBe(join(root, 'sheets', 'big-data.json'));
    expect(layout.familyFile('evolutions-technologiques')).toBe(
      join(root, 'families', 'evolutions-technologiques.json'),
    );
    expect(layout.trashFile('20250314t093000123z-big-data')).toBe(
      join(root, 'trash', '20250314t093000123z-big-data.json'),
    );
    expect(layout.damagedFile('big-data.20250314t093000123z.reason.json')).toBe(
      join(root, 'damaged', 'big-data.20250314t093000123z.reason.json'),
    );
    expect(layout.lockFile).toBe(join(root, '.fiches.lock'));
    expect(layout.display(layout.sheetFile('big-data'))).toBe('sheets/big-data.json');
  });

  it.each([
    '../etc/passwd',
    'a/b',
    'a\\b',
    '..',
    '',
    'Big-Data',
    'big_data',
    'é',
    'x'.repeat(81),
    'big-data\0',
  ])('refuses the id %j as invalid-request', (id) => {
    for (const build of [() => layout.sheetFile(id), () => layout.familyFile(id)]) {
      const error = refusal(build);
      expect(error).toBeInstanceOf(AppFailure);
      expect(error.code).toBe('invalid-request');
    }
  });

  it.each(['../x', 'a/b', '..', 'x.json/..', 'A'])('refuses the stored name %j', (name) => {
    expect(refusal(() => layout.trashFile(name)).code).toBe('invalid-request');
    expect(refusal(() => layout.damagedFile(name)).code).toBe('invalid-request');
  });

  it('builds compact, lowercase, sortable timestamps', () => {
    expect(compactTimestamp(new Date('2025-03-14T09:30:00.123Z'))).toBe('20250314t093000123z');
  });
});
