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
);
