import { utilityProcess } from 'electron';
import { appendTail, runBelowHost, type WorkerLauncher } from '../services/worker/launcher.js';

/**
 * The desktop app's worker processes: Electron's utility processes. Node's
 * `child_process.fork` would start the Electron binary itself (`process.execPath`), and the
 * packaged app's `runAsNode` fuse forbids running it as Node. A utility process runs the
 * same entry module as Node, talks through `process.parentPort`, and dies alone when a
 * native addon panics in it. The app decides when it quits, so idling changes nothing.
 */
export const utilityLauncher: WorkerLauncher = (entry) => {
  const child = utilityProcess.fork(entry, [], {
    serviceName: 'Fiches (calculs)',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Its pid is known once it has started.
  child.once('spawn', () => runBelowHost(child.pid));
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderr = appendTail(stderr, chunk)));
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => {
      child.once('exit', (code) => listener({ code, signal: null, stderr }));
    },
    kill: () => {
      child.kill();
    },
    setIdle: () => undefined,
  };
};
