import { runCli } from './cli/run.js';

// Not process.exit(): the commands close what they opened, and stdout is flushed on a natural exit.
process.exitCode = await runCli(process.argv.slice(2));
