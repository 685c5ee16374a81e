// ESLint flat config: typescript-eslint's type-aware rules for the app, the dev tenant, scripts and tests.
import js from '@eslint/js';
import * as espree from 'espree';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-lib/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname
      }
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-extraneous-class': ['error', { allowStaticOnly: true }],
      // Express tells error handlers by their four parameters; the unused ones start with _.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['app/**/*.ts', 'components/**/*.ts'],
    languageOptions: { globals: globals.browser }
  },
  {
    // One door into the library: the sample app, its pages and the e2e tests import components/auth
    // (index.ts) only; tests may also use its test kit, components/auth/testing (index.ts).
    files: ['**/*.ts'],
    ignores: ['components/auth/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+(components/)?auth/', message: "Import the library through its door: 'components/auth' (index.ts)." }
          ]
        }
      ]
    }
  },
  {
    files: ['**/*.spec.ts', 'e2e/**/*.ts', '**/testing/**/*.ts'],
    ignores: ['components/auth/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(components/)?auth/(?!testing$)',
              message: "Import the library through 'components/auth' (index.ts), or its test kit 'components/auth/testing'."
            }
          ]
        }
      ]
    }
  },
  {
    // Node, at build time: the settings' checks without the door, which loads AngularJS (browser-only).
    files: ['app/build-settings.ts'],
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node, ...globals.browser },
      sourceType: 'commonjs'
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module' }
  },
  {
    // The examples' app.js: plain ES5 browser scripts on the `angular` global (ESLint's own parser,
    // which refuses any later syntax).
    files: ['examples/**/*.js'],
    languageOptions: {
      parser: espree,
      ecmaVersion: 5,
      sourceType: 'script',
      globals: { ...globals.browser, angular: 'readonly' }
    }
  }
);
