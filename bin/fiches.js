#!/usr/bin/env node
// Plain JavaScript, so it can run before anything is built and say what to do.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'fiches\u00a0: Fiches n’est pas construit\u00a0: lancez «\u00a0npm install\u00a0» puis «\u00a0npm run build\u00a0» dans son dossier.\n',
  );
  process.exit(1);
}
await import(entry.href);
