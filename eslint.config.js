// Lint: the TypeScript rules that catch bugs (typescript-eslint's recommended set, and the type-aware rules
// for promises, which in a server decide whether an error is handled or lost). Formatting is Prettier's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Firma matches control characters on purpose: to refuse them in names, paths and bodies.
      'no-control-regex': 'off',
      // A variable read in a closure before its one assignment (a server handed its app later) stays let.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  { files: ['public/**/*.js'], languageOptions: { globals: { ...globals.browser, ...globals.worker } } },
  { files: ['bench/**/*.js', 'bin/**/*.js', 'scripts/**/*.mjs', '*.js'], languageOptions: { globals: globals.node } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: globals.node } },
);
