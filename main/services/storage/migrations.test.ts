import { describe, expect, it } from 'vitest';
import { SHEET_SCHEMA_VERSION } from '../../../shared/model/sheet.js';
import { AppFailure } from '../../../shared/result.js';
import { migrate } from './migrations.js';

describe('migrate', () => {
  it('reads a sheet of format 1 (before the review) as format 3 with an empty review', () => {
    const sheet = { schemaVersion: 1, id: 'big-data', sections: {} };
    expect(migrate('sheet', sheet, 'sheets/big-data.json')).toEqual({
      ...sheet,
      schemaVersion: 3,
      review: { threads: {}, titleMarks: {} },
    });
  });

  it('reads a sheet of format 2 (review, before sync) as format 3, data unchanged', () => {
    const sheet = { schemaVersion: 2, id: 'big-data', sections: {}, review: { threads: {}, titleMarks: {} } };
    expect(migrate('sheet', sheet, 'sheets/big-data.json')).toEqual({ ...sheet, schemaVersion: 3 });
  });

  it('reads a family of format 1 (before sync) as format 3 with an empty review', () => {
    const family = { schemaVersion: 1, familyId: 'technologies' };
    expect(migrate('family', family, 'families/technologies.json')).toEqual({
      ...family,
      schemaVersion: 3,
      review: { threads: {}, titleMarks: {} },
    });
  });

  it('reads a family of format 2 (conflicts, before comments) as format 3 with an empty review', () => {
    const family = { schemaVersion: 2, familyId: 'technologies', conflicts: [] };
    expect(migrate('family', family, 'families/technologies.json')).toEqual({
      ...family,
      schemaVersion: 3,
      review: { threads: {}, titleMarks: {} },
    });
  });

  it('refuses a format newer than this version, so nothing it does not know is dropped on save', () => {
    const newer = { schemaVersion: SHEET_SCHEMA_VERSION + 1, id: 'big-data' };
    expect(() => migrate('sheet', newer, 'sheets/big-data.json')).toThrow(AppFailure);
    expect(() => migrate('sheet', newer, 'sheets/big-data.json')).toThrow(/plus récente/);
  });
});
