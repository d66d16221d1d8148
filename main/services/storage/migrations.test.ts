import { describe, expect, it } from 'vitest';
import { SHEET_SCHEMA_VERSION } from '../../../shared/model/sheet.js';
import { AppFailure } from '../../../shared/result.js';
import { migrate } from './migrations.js';

describe('migrate', () => {
  it('reads a sheet and a family of format 1 (before sync) as format 2, data unchanged', () => {
    const sheet = { schemaVersion: 1, id: 'big-data', sections: {} };
    expect(migrate('sheet', sheet, 'sheets/big-data.json')).toEqual({ ...sheet, schemaVersion: 2 });
    const family = { schemaVersion: 1, familyId: 'technologies' };
    expect(migrate('family', family, 'families/technologies.json')).toEqual({ ...family, schemaVersion: 2 });
  });

  it('refuses a format newer than this version, so nothing it does not know is dropped on save', () => {
    const newer = { schemaVersion: SHEET_SCHEMA_VERSION + 1, id: 'big-data' };
    expect(() => migrate('sheet', newer, 'sheets/big-data.json')).toThrow(AppFailure);
    expect(() => migrate('sheet', newer, 'sheets/big-data.json')).toThrow(/plus récente/);
  });
});
