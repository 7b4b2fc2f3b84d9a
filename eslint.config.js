// Lint config: typescript-eslint (type-aware) plus Lit, Web Components and lit-a11y rules, and
// at most 350 lines a file (a longer one says why in a `/* eslint-disable max-lines -- why */`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'models/**',
      'training/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/artifacts/**',
      'bench/tmp/**',
      'custom-elements.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    plugins: { lit, wc, 'lit-a11y': litA11y },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
    },
  },
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'max-lines': ['error', { max: 350, skipBlankLines: false, skipComments: false }],
    },
  },
);
