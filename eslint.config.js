// Flat config: recommended JS + type-aware TypeScript rules, plus the one-way flow
// (adapters -> commands -> engine) enforced with import restrictions.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'coverage/**', 'bench-results/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The engine is pure: no I/O, no process, no platform SDKs, no upward imports.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process'],
              message: 'src/ is pure: no I/O.',
            },
            { group: ['discord.js', '@slack/*', 'dotenv'], message: 'src/ has no platform imports.' },
            {
              group: ['**/commands/**', '**/adapters/**', '**/hub/**', '@huggingface/*'],
              message: 'One-way flow: the engine never imports commands, adapters or the Hub client.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'console', 'fetch', 'setTimeout', 'setInterval'],
    },
  },
  {
    files: ['commands/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/adapters/**'], message: 'Commands never import adapters.' },
            {
              group: ['**/hub/**', '@huggingface/*'],
              message: 'Commands get the Hub resolver injected (AsyncDeps); they never do I/O themselves.',
            },
          ],
        },
      ],
    },
  },
  {
    // The Hub client is I/O beside the engine: it may use src/ (the pure parsers), never commands or adapters.
    files: ['hub/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/commands/**', '**/adapters/**'], message: 'hub/ is below commands and adapters.' },
            { group: ['discord.js', '@slack/*'], message: 'hub/ has no platform imports.' },
          ],
        },
      ],
    },
  },
);
