import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/result.js';
import { openRepository } from '../services/index.js';
import { CurrentRepository } from './current-repository.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'fiches-current-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Whether another instance could open the folder now, i.e. its lock was released. */
async function isReleased(folder: string): Promise<boolean> {
  try {
    const session = await openRepository(folder, { create: 'never' });
    await session.close();
    return true;
  } catch (error) {
    if (error instanceof AppFailure && error.code === 'locked') return false;
    throw error;
  }
}

describe('CurrentRepository', () => {
  it('switches to another repository and releases the first one', async () => {
    const first = path.join(root, 'premier');
    const second = path.join(root, 'second');
    const current = await CurrentRepository.open(first);
    try {
      expect(await isReleased(first)).toBe(false);
      expect(await current.switchTo(second)).toBe(true);
      expect(current.path).toBe(second);
      expect(await isReleased(first)).toBe(true);
      expect(await isReleased(second)).toBe(false);
      const overview = await current.handlers['repository:overview']({});
      expect(overview.path).toBe(second);
    } finally {
      await current.close();
    }
    expect(await isReleased(second)).toBe(true);
  });

  it('keeps the open repository when the other one cannot be opened', async () => {
    const first = path.join(root, 'premier');
    const file = path.join(root, 'note.txt');
    await writeFile(file, 'pas un dépôt');
    const current = await CurrentRepository.open(first);
    try {
      await expect(current.switchTo(file)).rejects.toBeInstanceOf(AppFailure);
      expect(current.path).toBe(first);
      expect((await current.handlers['repository:overview']({})).path).toBe(first);
    } finally {
      await current.close();
    }
  });

  it('does nothing when asked for the folder already open, even through a symbolic link', async () => {
    const first = path.join(root, 'premier');
    const alias = path.join(root, 'alias');
    const current = await CurrentRepository.open(first);
    await symlink(first, alias);
    try {
      expect(await current.switchTo(alias)).toBe(false);
      expect(await current.switchTo(`${first}/`)).toBe(false);
      expect(current.path).toBe(first);
    } finally {
      await current.close();
    }
  });

  it('answers a failed call, not a crash, once closed', async () => {
    const current = await CurrentRepository.open(path.join(root, 'premier'));
    await current.close();
    expect(() => current.handlers).toThrow(AppFailure);
  });
});
