import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PORTS_FILE, PortMemory } from './port-memory.js';

let root: string;
const logs: string[] = [];

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'fiches-ports-'));
  logs.length = 0;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the ports remembered per repository', () => {
  it('keeps each repository’s last port, in the data folder', async () => {
    const memory = new PortMemory(root, (message) => logs.push(message));
    expect(await memory.portOf('/depots/a')).toBeUndefined();
    await memory.remember('/depots/a', 41001);
    await memory.remember('/depots/b', 41002);
    await memory.remember('/depots/a', 41003);
    const again = new PortMemory(root, (message) => logs.push(message));
    expect(await again.portOf('/depots/a')).toBe(41003);
    expect(await again.portOf('/depots/b')).toBe(41002);
    expect(logs).toEqual([]);
  });

  it('sets an unreadable file aside, says so, and starts afresh', async () => {
    await writeFile(path.join(root, PORTS_FILE), '{"schemaVersion": 1, "ports": {"/a": "x"}}');
    const memory = new PortMemory(root, (message) => logs.push(message));
    expect(await memory.portOf('/a')).toBeUndefined();
    expect(logs.join('\n')).toContain('mis de côté');
    await memory.remember('/a', 41010);
    expect(await memory.portOf('/a')).toBe(41010);
    expect((await readdir(root)).sort()).toEqual([PORTS_FILE, `${PORTS_FILE}.illisible`]);
    expect(await readFile(path.join(root, `${PORTS_FILE}.illisible`), 'utf8')).toContain('"x"');
  });
});
