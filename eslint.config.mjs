// Lint, and the one-way dependency rule of DESIGN.md: apps → pipeline → other libs → domain.
// Each package may import only the packages listed for it; anything else is an error.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const allowed = {
  'libs/domain': [],
  'libs/query': ['domain'],
  'libs/ingest': ['domain'],
  'libs/enrich': ['domain'],
  'libs/store': ['domain'],
  'libs/search': ['domain', 'query'],
  'libs/pipeline': ['domain', 'query', 'ingest', 'enrich', 'store', 'search'],
  'apps/api': ['domain', 'query', 'ingest', 'enrich', 'store', 'search', 'pipeline'],
  'apps/cli': ['domain', 'query', 'ingest', 'enrich', 'store', 'search', 'pipeline'],
  'apps/dashboard': ['domain'],
};
const all = ['domain', 'query', 'ingest', 'enrich', 'store', 'search', 'pipeline', 'api', 'cli', 'dashboard'];

const boundaries = Object.entries(allowed).map(([dir, deps]) => ({
  files: [`${dir}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: all.filter((p) => !deps.includes(p) && `libs/${p}` !== dir && `apps/${p}` !== dir).map((p) => `@parallax/${p}`),
            message: `${dir} may import only: ${deps.join(', ') || 'nothing of ours'} (DESIGN.md, dependency direction).`,
          },
          { group: ['../../libs/*', '../../../libs/*', '../../apps/*', '../../../apps/*'], message: 'Import workspace packages by name (@parallax/...), never by relative path.' },
          ...(dir === 'apps/dashboard' ? [{ group: ['**/api/src/**'], message: 'The dashboard reaches the API over HTTP only.' }] : []),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'coverage/**', '.nx/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|describe|test)$/]", message: 'No focused tests.' }],
    },
  },
  ...boundaries,
  // Accepted exception: the dashboard's browser tests start the real API through its test starter, loaded by
  // relative path, and seed a large corpus through the libraries; nothing under e2e/ ships in the dashboard.
  {
    files: ['apps/dashboard/e2e/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '/api/src/(?!testing/test-app\\.js$)', message: 'Browser tests load only the API test starter (apps/api/src/testing/test-app.ts).' }] },
      ],
    },
  },
);
