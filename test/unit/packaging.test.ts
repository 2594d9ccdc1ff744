/** The packaging config cannot be run here (no Electron download); its promises are checked instead. */
import fs from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

interface BuilderConfig {
  productName: string;
  files: string[];
  asarUnpack: string[];
  extraMetadata: { main: string };
  win: { target: { target: string }[]; icon: string };
  nsis: { oneClick: boolean; perMachine: boolean; allowElevation: boolean; installerLanguages: string[]; language: string };
  linux: { target: string[]; icon: string };
}

const config = load(fs.readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  allowScripts: Record<string, boolean>;
};

describe('electron-builder.yml', () => {
  it('builds a per-user Windows installer in Vietnamese without administrator rights, and a portable build', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false, installerLanguages: ['vi_VN'], language: '1066' });
  });
  it('builds Linux AppImage and deb', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });
  it('points at files that the build produces and icons that exist', () => {
    expect(config.extraMetadata.main).toBe(pkg.main);
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**']));
    expect(fs.existsSync(config.win.icon)).toBe(true);
    expect(fs.existsSync(config.linux.icon)).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
  });
  it('ships the native module and OCR as runtime dependencies, outside the bundle and the asar', () => {
    expect(Object.keys(pkg.dependencies)).toEqual(expect.arrayContaining(['better-sqlite3', 'tesseract.js', '@tesseract.js-data/vie']));
    const build = fs.readFileSync('scripts/build-electron.mjs', 'utf8');
    for (const name of ['better-sqlite3', 'tesseract.js', '@tesseract.js-data/vie']) expect(build).toContain(`'${name}'`);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/tesseract.js/**', 'node_modules/tesseract.js-core/**', 'node_modules/@tesseract.js-data/vie/**']));
  });
  it('does not download Electron at npm install, but builds better-sqlite3', () => {
    expect(pkg.allowScripts).toMatchObject({ electron: false, 'better-sqlite3': true });
  });
});
