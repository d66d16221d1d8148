import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as electron from './testing/fake-electron.js';
import { FakeEvent, FakeWebContents } from './testing/fake-electron.js';
import { expectEverythingRefused } from './testing/permissions.js';
import { hardenApp } from './security.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

/**
 * The app-wide rules, as Electron would exercise them: every web contents created after
 * hardenApp (the window, the printer's, any other) and the default session.
 */

const { app, session, shell } = electron;
let contents: FakeWebContents;

beforeAll(() => {
  hardenApp();
  contents = new FakeWebContents(session.defaultSession);
  app.emit('web-contents-created', new FakeEvent(), contents);
});

describe('navigation', () => {
  const elsewhere = [
    'https://evil.example/',
    'file:///etc/passwd',
    'app://fiches/index.html',
    'javascript:alert(1)',
  ];

  it.each(elsewhere)('refuses will-navigate to %s', (url) => {
    const event = new FakeEvent({ url });
    contents.emit('will-navigate', event, url);
    expect(event.defaultPrevented).toBe(true);
  });

  it.each([true, false])('refuses will-frame-navigate (main frame: %s)', (isMainFrame) => {
    for (const url of elsewhere) {
      const event = new FakeEvent({ url, isMainFrame });
      contents.emit('will-frame-navigate', event);
      expect(event.defaultPrevented, url).toBe(true);
    }
  });

  it('refuses redirects and <webview>', () => {
    const redirect = new FakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-redirect', redirect, 'https://evil.example/');
    const webview = new FakeEvent();
    contents.emit('will-attach-webview', webview, {}, { src: 'https://evil.example/' });
    expect([redirect.defaultPrevented, webview.defaultPrevented]).toEqual([true, true]);
  });
});

describe('new windows', () => {
  const open = (url: string) => {
    const handler = contents.windowOpenHandler;
    if (!handler) throw new Error('no window open handler');
    return handler({ url });
  };

  it('never opens one; a parsed https: or mailto: link goes to the system instead', () => {
    shell.openExternal.mockClear();
    expect(open('HTTPS://www.Hautsdefrance.fr/prospective')).toEqual({ action: 'deny' });
    expect(open('mailto:prospective@example.fr')).toEqual({ action: 'deny' });
    expect(shell.openExternal.mock.calls).toEqual([
      ['https://www.hautsdefrance.fr/prospective'],
      ['mailto:prospective@example.fr'],
    ]);
  });

  it.each([
    'http://example.org/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://fiches/index.html',
    'smb://serveur/partage',
    'ms-msdt:/id PCWDiagnostic',
    'data:text/html,<script>alert(1)</script>',
  ])('opens nothing for %s', (url) => {
    shell.openExternal.mockClear();
    expect(open(url)).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('refuses every permission and device in the default session', () => {
    expectEverythingRefused(session.defaultSession, contents);
  });
});
