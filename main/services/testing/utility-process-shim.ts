import { EventEmitter } from 'node:events';

/**
 * What Electron gives a utility process, `process.parentPort`, emulated over Node's IPC:
 * loaded (--import) into a plain Node child, it lets the desktop shell's tests run the real
 * worker entry through its Electron branch, where no Electron binary exists. As Electron's,
 * it holds the messages that arrive before anyone listens.
 */
const port = Object.assign(new EventEmitter(), {
  postMessage(message: unknown) {
    process.send?.(message);
  },
});
const early: unknown[] = [];
process.on('message', (data) => {
  if (port.listenerCount('message') > 0) port.emit('message', { data });
  else early.push(data);
});
port.on('newListener', (event) => {
  if (event !== 'message') return;
  setImmediate(() => {
    for (const data of early.splice(0)) port.emit('message', { data });
  });
});
process.on('disconnect', () => process.exit(0));
Object.defineProperty(process, 'parentPort', { value: port });
