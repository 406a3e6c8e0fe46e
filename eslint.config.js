import path from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const webSrc = path.resolve('apps/web/src');

/**
 * bulletproof-react's layering for the web app: shared (components, lib) ->
 * features -> app, and features never import each other.
 */
const webLayers = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = context.filename;
    if (!file.startsWith(webSrc)) return {};
    const layerOf = (p) => {
      const [top, name] = path.relative(webSrc, p).split(path.sep);
      return { top, name };
    };
    const from = layerOf(file);
    return {
      ImportDeclaration(node) {
        const source = node.source.value;
        if (!source.startsWith('.')) return;
        const to = layerOf(path.resolve(path.dirname(file), source));
        const shared = (l) => l.top === 'components' || l.top === 'lib';
        let problem;
        if (shared(from) && (to.top === 'features' || to.top === 'app')) problem = 'shared code must not import features or app';
        else if (from.top === 'features' && to.top === 'app') problem = 'features must not import app';
        else if (from.top === 'features' && to.top === 'features' && to.name !== from.name)
          problem = `feature "${from.name}" must not import feature "${to.name}"`;
        if (problem) context.report({ node, message: problem });
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.tools/**', 'tools/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.test.ts', 'apps/api/src/test-support/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, doctime: { rules: { 'web-layers': webLayers } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'doctime/web-layers': 'error',
    },
  },
);
