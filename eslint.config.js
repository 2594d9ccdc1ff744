// Lint rules, including the layer boundaries:
//   shared/    imports no Node, Electron, DOM, database or UI code
//   renderer/  never imports db/ or electron/, nor Node or the database
//   core       (db/, electron/core, electron/web) never imports Electron or the UI
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));
const nodeMessage = 'Tầng này không được dùng API của Node.js.';

export const boundaries = {
  shared: {
    paths: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'better-sqlite3', 'kysely'].map((name) => ({
      name,
      message: 'shared/ chỉ chứa quy tắc thuần: không Node, Electron, DOM, React hay cơ sở dữ liệu.',
    })),
    patterns: [
      { group: ['node:*'], message: nodeMessage },
      { group: ['**/db/**', '**/electron/**', '**/renderer/**', 'react-dom/*'], message: 'shared/ không được phụ thuộc tầng khác.' },
    ],
  },
  renderer: {
    paths: [...nodeBuiltins, 'electron', 'better-sqlite3', 'kysely'].map((name) => ({
      name,
      message: 'renderer/ chỉ gọi lõi qua API (api/client), không dùng Node, Electron hay cơ sở dữ liệu.',
    })),
    patterns: [
      { group: ['node:*'], message: nodeMessage },
      { group: ['**/db/**', '**/db', '**/electron/**', '**/electron'], message: 'renderer/ không được nhập db/ hay electron/: hãy gọi API.' },
    ],
  },
  core: {
    paths: [{ name: 'electron', message: 'Lõi (db/, electron/core, electron/web) không được dùng Electron: chỉ electron/desktop mới được.' }],
    patterns: [
      { group: ['electron/*'], message: 'Lõi không được dùng Electron.' },
      { group: ['**/renderer/**', '**/desktop/**', '**/desktop'], message: 'Lõi không được nhập giao diện hay vỏ Electron.' },
      { group: ['react', 'react-dom', 'react-dom/*'], message: 'Lõi không được dùng React.' },
    ],
  },
};

const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement', 'fetch'];
const nodeGlobals = ['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate'];

// The query builder and the database handle belong to the stores (db/, each
// domain's store.ts, the stores' binding, which also opens the action's
// transaction for the registry) and to the core's wiring (index.ts);
// handlers and the rest of the core use ctx.stores.
const storeFiles = ['db/**/*.ts', 'electron/core/**/store.ts', 'electron/core/stores.ts', 'electron/core/index.ts'];
// Files whose SQL is still being moved into their domain's store.
const storesPending = [
];
const storeMessage = 'SQL chỉ nằm trong store của miền (store.ts) hoặc db/: hãy gọi ctx.stores.';
const storesOnly = {
  'no-restricted-syntax': [
    'error',
    { selector: "CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom|transaction)$/]", message: storeMessage },
    { selector: "MemberExpression[property.name='db'][object.name=/^(ctx|tx|base|bg|rt|context)$/]", message: storeMessage },
    { selector: "MemberExpression[property.name='db'][object.type='CallExpression']", message: storeMessage },
  ],
  '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ name: 'kysely', message: storeMessage, allowTypeImports: true }] }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tsbuild/**', 'release/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-undef': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', boundaries.shared],
      'no-restricted-globals': ['error', ...[...domGlobals, ...nodeGlobals].map((name) => ({ name, message: 'shared/ chạy ở mọi nơi: không dùng biến toàn cục của trình duyệt hay Node.' }))],
    },
  },
  { files: ['renderer/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', boundaries.renderer] } },
  { files: ['db/**/*.ts', 'electron/core/**/*.ts', 'electron/web/**/*.ts', 'electron/office/**/*.ts'], rules: { 'no-restricted-imports': ['error', boundaries.core] } },
  // The dialect layer sits under the core: it never reaches up into it.
  {
    files: ['db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { ...boundaries.core, patterns: [...boundaries.core.patterns, { group: ['**/electron/**', '**/scripts/**'], message: 'db/ là tầng dưới lõi: không nhập electron/ hay scripts/.' }] }] },
  },
  { files: ['electron/**/*.ts'], ignores: [...storeFiles, ...storesPending], rules: storesOnly },
);
