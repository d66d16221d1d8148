import { expect } from 'vitest';
import type { FakeSession, FakeWebContents } from './fake-electron.js';

/** Every way a page of `target` can ask for a permission or a device, answered no. */
export function expectEverythingRefused(target: FakeSession, contents: FakeWebContents): void {
  const request = target.permissionRequestHandler as (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
  ) => void;
  const granted: boolean[] = [];
  const asked = ['media', 'geolocation', 'notifications', 'clipboard-read', 'fileSystem', 'openExternal'];
  for (const permission of asked) request(contents, permission, (answer) => granted.push(answer));
  expect(granted).toEqual(asked.map(() => false));

  const check = target.permissionCheckHandler as (contents: unknown, permission: string) => boolean;
  const checked = ['media', 'hid', 'serial', 'usb', 'clipboard-sanitized-write', 'fullscreen'];
  expect(checked.map((permission) => check(contents, permission))).toEqual(checked.map(() => false));

  // Devices the page could be granted without asking (navigator.hid/usb/serial.getDevices).
  const device = target.devicePermissionHandler as ((details: unknown) => boolean) | undefined;
  expect(typeof device, 'a device permission handler').toBe('function');
  for (const deviceType of ['hid', 'usb', 'serial']) {
    expect(device?.({ deviceType, origin: 'app://fiches', device: {} }), deviceType).toBe(false);
  }

  // Screen capture (getDisplayMedia): no stream.
  const displayMedia = target.displayMediaRequestHandler as
    ((request: unknown, callback: (streams: unknown) => void) => void) | undefined;
  expect(typeof displayMedia, 'a display media handler').toBe('function');
  const streams: unknown[] = [];
  displayMedia?.({ frame: null, videoRequested: true, audioRequested: false }, (answer) =>
    streams.push(answer),
  );
  expect(streams).toEqual([null]);

  // Device pickers: Electron cancels them when nobody listens, but a listener that forgot
  // preventDefault would let it pick the first device. None is registered.
  for (const name of ['select-hid-device', 'select-usb-device', 'select-serial-port']) {
    expect(target.listenerCount(name), name).toBe(0);
  }
  expect(contents.listenerCount('select-bluetooth-device')).toBe(0);
}
