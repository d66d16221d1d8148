import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../shared/api/dispatch.js';
import { dispatch } from '../../shared/api/dispatch.js';
import { AppFailure, type Result } from '../../shared/result.js';
import { openRepository, type RepositorySession } from './session.js';
import { snapshot, tempDir, writeFixtureRepository } from './testing/fixtures.js';

/** The services behind the contract's dispatcher, as both transports call them. */
let dir: string;
let repo: string;
let session: RepositorySession;
let handlers: Handlers;

beforeEach(async () => {
  dir = await tempDir();
  repo = await writeFixtureRepository(join(dir, 'depot'));
  // A decoy next to the repository: nothing may ever reach it.
  await mkdir(join(dir, 'etc'));
  await writeFile(join(dir, 'etc', 'passwd'), 'root:x:0:0');
  session = await openRepository(repo, { create: 'never' });
  const notHere = () => Promise.reject(new Error('not under test'));
  handlers = {
    ...session.handlers,
    'app:info': notHere,
    'repository:choose': notHere,
    'export:save': notHere,
    'sync:join': notHere,
    'sync:joinProgress': notHere,
    'volume:save': notHere,
  };
});
afterEach(async () => {
  await session.close();
  await rm(dir, { recursive: true, force: true });
});

function expectFailure(result: Result<unknown>, code: string): string {
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe(code);
  return result.error.message;
}

describe('requests through dispatch', () => {
  it.each(['../etc/passwd', 'a/b', '..\\etc', '%2e%2e', 'big-data.json', ' big-data'])(
    'refuses the id %j everywhere, writing nothing anywhere',
    async (id) => {
      const before = await snapshot(dir);
      const calls: [string, unknown][] = [
        ['sheets:get', { id }],
        ['sheets:create', { variableId: id }],
        ['sheets:update', { id, patch: { status: 'review' } }],
        ['sheets:delete', { id }],
        ['families:update', { familyId: id, patch: {} }],
        ['variables:add', { familyId: id, name: 'X' }],
        ['trash:restore', { trashId: id }],
      ];
      for (const [name, request] of calls)
        expectFailure(await dispatch(handlers, name, request), 'invalid-request');
      expect(await snapshot(dir)).toEqual(before);
    },
  );

  it('refuses requests that do not match the contract', async () => {
    expectFailure(await dispatch(handlers, 'sheets:drop', {}), 'invalid-request');
    expectFailure(await dispatch(handlers, 'sheets:get', { id: 'big-data', extra: 1 }), 'invalid-request');
    expectFailure(
      await dispatch(handlers, 'sheets:update', { id: 'big-data', patch: { sections: 'x' } }),
      'invalid-request',
    );
    expectFailure(
      await dispatch(handlers, 'sheets:update', { id: 'big-data', patch: { status: 'fini' } }),
      'invalid-request',
    );
    expectFailure(await dispatch(handlers, 'repository:overview', { path: '/' }), 'invalid-request');
  });

  it('refuses a 10,000-character name', async () => {
    const message = expectFailure(
      await dispatch(handlers, 'variables:add', { familyId: 'societe', name: 'a'.repeat(10_000) }),
      'invalid-request',
    );
    expect(message).toMatch(/dépasse 200 caractères/);
  });

  it.each(['Big\u0007Data', 'Deux\nlignes', 'Tab\tulation', 'Nul\u0000'])(
    'refuses control characters in %j',
    async (name) => {
      const message = expectFailure(
        await dispatch(handlers, 'variables:add', { familyId: 'societe', name }),
        'invalid-request',
      );
      expect(message).toMatch(/caractères de contrôle/);
    },
  );

  it('accepts emoji and keeps them, the id made of the letters', async () => {
    const result = await dispatch(handlers, 'variables:add', {
      familyId: 'societe',
      name: '  Données 📊 massives ',
    });
    expect(result).toEqual({ ok: true, value: { id: 'donnees-massives', name: 'Données 📊 massives' } });
    const overview = await dispatch(handlers, 'repository:overview', {});
    expect(JSON.stringify(overview)).toContain('Données 📊 massives');
  });

  it('answers AppFailure codes as data', async () => {
    expectFailure(await dispatch(handlers, 'sheets:get', { id: 'cobotique' }), 'not-found');
    expect((await dispatch(handlers, 'sheets:create', { variableId: 'cobotique' })).ok).toBe(true);
    expectFailure(await dispatch(handlers, 'sheets:create', { variableId: 'cobotique' }), 'already-exists');
  });
});

describe('handlers called without the contract’s parsing', () => {
  it.each(['../etc/passwd', 'a/b', '/etc/passwd'])('still refuse the id %j, writing nothing', async (id) => {
    const before = await snapshot(dir);
    const calls: [() => Promise<unknown>, string][] = [
      // No variable has such an id, so no path is even built…
      [() => session.handlers['sheets:get']({ id }), 'not-found'],
      [() => session.handlers['sheets:create']({ variableId: id }), 'not-found'],
      // …and where a path is built, the layout refuses it.
      [() => session.handlers['sheets:delete']({ id }), 'invalid-request'],
      [() => session.handlers['sheets:update']({ id, patch: {} }), 'invalid-request'],
    ];
    for (const [call, code] of calls) {
      const error = await call().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppFailure);
      expect((error as AppFailure).code).toBe(code);
    }
    expect(await snapshot(dir)).toEqual(before);
  });
});

describe('messages of the dispatcher', () => {
  it('are French: a schema problem and an unexpected error, whose details go to the log only', async () => {
    const invalid = expectFailure(await dispatch(handlers, 'sheets:get', { id: 42 }), 'invalid-request');
    expect(invalid).toContain('Requête invalide pour sheets:get');
    expect(invalid).not.toMatch(/Invalid|expected|received/);

    const logged: unknown[] = [];
    const failing = {
      ...handlers,
      'repository:overview': () => Promise.reject(new Error('Maximum call stack size exceeded')),
    };
    const message = expectFailure(
      await dispatch(failing, 'repository:overview', {}, (error) => logged.push(error)),
      'internal',
    );
    expect(message).toContain('Erreur inattendue');
    expect(message).not.toContain('Maximum call stack');
    expect(String(logged[0])).toContain('Maximum call stack size exceeded');
  });
});

/** A paragraph nested `levels` deep in blockquotes, the rest of the section as it would be. */
function nestedSection(levels: number) {
  let node: Record<string, unknown> = { type: 'paragraph', content: [{ type: 'text', text: 'Au fond.' }] };
  for (let i = 0; i < levels; i += 1) node = { type: 'blockquote', content: [node] };
  return { type: 'doc', content: [node] };
}

function nestedObject(levels: number): unknown {
  let value: unknown = 'fond';
  for (let i = 0; i < levels; i += 1) value = { niveau: value };
  return value;
}

const paragraph = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text, ...extra }] }],
});

describe('hostile content at the door', () => {
  it('answers invalid-request, in French, to a section nested 1,000 levels deep, and writes nothing', async () => {
    await dispatch(handlers, 'sheets:create', { variableId: 'big-data' });
    const before = await snapshot(dir);
    const result = await dispatch(handlers, 'sheets:update', {
      id: 'big-data',
      patch: { sections: { passe: nestedSection(1_000) } },
    });
    expect(expectFailure(result, 'invalid-request')).toMatch(/trop imbriqué/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('accepts a section nested as deep as real documents are', async () => {
    await dispatch(handlers, 'sheets:create', { variableId: 'big-data' });
    const result = await dispatch(handlers, 'sheets:update', {
      id: 'big-data',
      patch: { sections: { passe: nestedSection(30) } },
    });
    expect(result.ok).toBe(true);
  });

  it('refuses a paragraph whose attributes are a 3,000-level object, and the sheet’s history keeps working', async () => {
    await dispatch(handlers, 'sheets:create', { variableId: 'big-data' });
    const before = await snapshot(dir);
    const hostile = {
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { style: nestedObject(3_000) }, content: [{ type: 'text', text: 'x' }] },
      ],
    };
    for (const patch of [
      { sections: { passe: hostile } },
      { status: 'review', sections: { passe: hostile } },
      { scenarios: { basse: { angles: { social: hostile } } } },
    ]) {
      const message = expectFailure(
        await dispatch(handlers, 'sheets:update', { id: 'big-data', patch }),
        'invalid-request',
      );
      expect(message).toMatch(/trop imbriqué/);
    }
    expectFailure(
      await dispatch(handlers, 'families:update', { familyId: 'technologies', patch: { note: hostile } }),
      'invalid-request',
    );
    expect(await snapshot(dir)).toEqual(before);
    // Nothing got in: versions and status changes work as before.
    expect(
      (await dispatch(handlers, 'sheets:update', { id: 'big-data', patch: { status: 'review' } })).ok,
    ).toBe(true);
    expect(
      (await dispatch(handlers, 'history:recordVersion', { sheetId: 'big-data', name: 'Après' })).ok,
    ).toBe(true);
  });

  it('refuses any request nested deeper than the contract could need, whatever the operation', async () => {
    const message = expectFailure(
      await dispatch(handlers, 'sheets:get', { id: nestedObject(100_000) }),
      'invalid-request',
    );
    expect(message).toMatch(/trop imbriquée/);
  });

  it('refuses a section that contains itself (possible over IPC, which keeps cycles)', async () => {
    const section: Record<string, unknown> = { type: 'doc' };
    section.content = [section];
    const result = await dispatch(handlers, 'sheets:update', {
      id: 'big-data',
      patch: { sections: { passe: section } },
    });
    expect(expectFailure(result, 'invalid-request')).toMatch(/trop imbriquée/);
  });

  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
  ])('refuses the link target %j in sections, angles and the family note', async (href) => {
    await dispatch(handlers, 'sheets:create', { variableId: 'big-data' });
    const before = await snapshot(dir);
    const linked = paragraph('cliquez', { marks: [{ type: 'link', attrs: { href } }] });
    const refusals = [
      await dispatch(handlers, 'sheets:update', { id: 'big-data', patch: { sections: { passe: linked } } }),
      await dispatch(handlers, 'sheets:update', {
        id: 'big-data',
        patch: { scenarios: { haute: { angles: { economique: linked } } } },
      }),
      await dispatch(handlers, 'families:update', { familyId: 'technologies', patch: { note: linked } }),
    ];
    for (const result of refusals) expect(expectFailure(result, 'invalid-request')).toMatch(/lien/i);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('keeps http, https and mailto links', async () => {
    await dispatch(handlers, 'sheets:create', { variableId: 'big-data' });
    for (const href of ['https://www.insee.fr/fr/statistiques', 'http://example.org', 'mailto:a@b.fr']) {
      const linked = paragraph('lien', { marks: [{ type: 'link', attrs: { href } }] });
      const result = await dispatch(handlers, 'sheets:update', {
        id: 'big-data',
        patch: { sections: { passe: linked } },
      });
      expect(result.ok).toBe(true);
    }
  });
});
