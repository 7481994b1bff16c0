import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { layersPlugin } from './eslint/layers.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'native/', 'bench/results/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { copydesk: layersPlugin },
    rules: {
      'copydesk/layers': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        {
          // A deferred transaction upgrades to a write lock late and gets BUSY at once when
          // another process writes; writeTransaction() takes the lock first and waits its turn.
          selector:
            "CallExpression[callee.type='CallExpression'][callee.callee.property.name='transaction']",
          message: 'Start write transactions with writeTransaction(db, fn) (IMMEDIATE).',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
    languageOptions: { globals: globals.browser },
  },
  {
    files: [
      'main/**/*.ts',
      'main/**/*.mjs',
      'scripts/**',
      'bench/**',
      'e2e/**',
      'bin/**',
      'eslint/**',
      '*.js',
      '*.ts',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    // Build tools read their configuration from a default export.
    files: ['*.config.ts', '*.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
