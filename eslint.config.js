// Lint rules, including the architecture's import boundaries (ARCHITECTURE.md): each
// layer may only import what runs where it runs, and the message says why.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = {
  group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'crypto'],
  message: 'renderer/ and shared/ run in the browser: Node modules belong in main/.',
};
const electronOnlyInShell = {
  name: 'electron',
  message:
    'Only main/electron/ may import electron: services run in plain Node too (browser host, CLI, tests).',
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            nodeBuiltins,
            { group: ['**/main/**'], message: 'renderer/ talks to the host only through renderer/api.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronOnlyInShell,
            { name: 'react', message: 'shared/ has no React: views live in renderer/.' },
          ],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/main/**', '**/renderer/**'],
              message: 'shared/ is imported by both sides and imports neither.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronOnlyInShell,
            { name: 'react', message: 'main/ never renders: React lives in renderer/.' },
          ],
          patterns: [{ group: ['**/renderer/**'], message: 'main/ never imports renderer/.' }],
        },
      ],
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'main/ never imports renderer/.' }] },
      ],
    },
  },
  {
    // A folder created without an fsync of its parent can vanish in a power cut, with the
    // files just moved into it: main/ creates folders through one helper that does it.
    files: ['main/**/*.ts'],
    ignores: ['main/**/*.test.ts', 'main/**/testing/**', 'main/services/storage/durable-write.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'ImportDeclaration[source.value=/^(node:)?fs(\\u002Fpromises)?$/] ImportSpecifier[imported.name=/^mkdir(Sync)?$/]',
          message: 'Create folders with makeDirectoryDurable (main/services/storage/durable-write.ts).',
        },
        {
          selector: 'MemberExpression[property.name=/^mkdir(Sync)?$/]',
          message: 'Create folders with makeDirectoryDurable (main/services/storage/durable-write.ts).',
        },
      ],
    },
  },
);
