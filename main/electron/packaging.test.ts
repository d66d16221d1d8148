import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAppRoot } from '../services/app-root.js';

/**
 * The fuses electron-builder flips in the packaged binary (electron-builder.yml), read as
 * its block of `name: value` lines: they cannot be checked at run time here (no binary).
 */
async function fuses(): Promise<Record<string, string>> {
  const config = await readFile(path.join(findAppRoot(), 'electron-builder.yml'), 'utf8');
  const block = /^electronFuses:\n((?:[ ]{2}\S.*\n)+)/m.exec(config)?.[1] ?? '';
  return Object.fromEntries(
    block
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/:\s*/) as [string, string]),
  );
}

describe('the packaged app’s fuses', () => {
  it('are all set to what the shell expects', async () => {
    expect(await fuses()).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      // The renderer and the printer are served from app:, so file: needs no privilege.
      grantFileProtocolExtraPrivileges: 'false',
    });
  });
});
