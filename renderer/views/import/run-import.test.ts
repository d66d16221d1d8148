import { describe, expect, it } from 'vitest';
import { BROWSER_IMPORT_FILE_BYTES } from '../../../shared/api/import-contract.js';
import type { ImportTarget } from '../../../shared/api/import-contract.js';
import { sizeProblem, targetKey, targetOfKey } from './run-import.js';

/** What the import dialog decides before sending anything. */
describe('the size a host accepts', () => {
  const file = (bytes: number) => ({ name: 'fiche.docx', size: bytes }) as File;

  it('refuses in the browser what its 32 MB requests cannot carry, saying what to do instead', () => {
    expect(sizeProblem(file(BROWSER_IMPORT_FILE_BYTES), 'browser')).toBeUndefined();
    const problem = sizeProblem(file(BROWSER_IMPORT_FILE_BYTES + 1), 'browser');
    expect(problem).toContain('dans le navigateur, Fiches reçoit des fichiers de 23\u00a0Mo au plus');
    expect(problem).toContain('fiches import fiche.docx');
    // The desktop app has no such limit below the import's own.
    expect(sizeProblem(file(BROWSER_IMPORT_FILE_BYTES + 1), 'electron')).toBeUndefined();
  });
});

describe('targets in the review’s lists', () => {
  it.each<ImportTarget>([
    { kind: 'section', section: 'passe' },
    { kind: 'scenario-title', hypothesis: 'basse' },
    { kind: 'scenario-angle', hypothesis: 'haute', angle: 'social' },
    { kind: 'unplaced' },
    { kind: 'skip' },
  ])('%j survives its round trip through a <select>', (target) => {
    expect(targetOfKey(targetKey(target))).toEqual(target);
  });
});
