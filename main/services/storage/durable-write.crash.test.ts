import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleScript } from '../testing/child-script.js';
import { tempDir } from '../testing/fixtures.js';

/**
 * A process writing the same file in a loop is killed with SIGKILL at random moments: the
 * file must always parse and hold one complete version. The payload's size varies with
 * the version so a torn write could not pass for a whole one.
 */
const payloadSize = (version: number) => 1_000 + ((version * 7_919) % 200_000);
const payloadOf = (version: number) => `${version}:`.padEnd(payloadSize(version), 'abcdefghij');

const childSource = (module: string) => `
import { readFileSync } from 'node:fs';
import { writeFileDurable } from ${JSON.stringify(module)};
const target = process.argv[2];
const payloadSize = (version) => 1000 + ((version * 7919) % 200000);
const payloadOf = (version) => \`\${version}:\`.padEnd(payloadSize(version), 'abcdefghij');
let version = 0;
try { version = JSON.parse(readFileSync(target, 'utf8')).version + 1; } catch {}
for (let first = true; ; first = false) {
  await writeFileDurable(target, JSON.stringify({ version, payload: payloadOf(version) }));
  if (first) process.stdout.write('ready\\n');
  version += 1;
}
`;

let dir: string;
let script: string;

beforeAll(async () => {
  dir = await tempDir('fiches-crash-');
  const module = fileURLToPath(new URL('./durable-write.ts', import.meta.url));
  script = await bundleScript(childSource(module), dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function runAndKill(target: string, afterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, target], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.on('error', reject);
    child.on('exit', () => resolve());
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), afterMs));
  });
}

describe('durable writes under SIGKILL', () => {
  it('always leave a file that parses and holds one whole version', async () => {
    const target = join(dir, 'sheet.json');
    let lastVersion = -1;
    for (let round = 0; round < 20; round += 1) {
      await runAndKill(target, Math.floor(Math.random() * 60));
      const saved = JSON.parse(await readFile(target, 'utf8')) as { version: number; payload: string };
      expect(saved.payload).toBe(payloadOf(saved.version));
      // A write that returned is never lost: versions only go forward.
      expect(saved.version).toBeGreaterThan(lastVersion);
      lastVersion = saved.version;
    }
  });
});
