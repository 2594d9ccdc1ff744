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
  it('ships as runtime dependencies only what cannot be bundled: native modules, pdf.js and tesseract.js (their workers and files), the Vietnamese OCR data', () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@napi-rs/canvas', '@tesseract.js-data/vie', 'better-sqlite3', 'pdfjs-dist', 'tesseract.js']);
  });
  it('does not download Electron at npm install, but builds better-sqlite3', () => {
    expect(pkg.allowScripts).toMatchObject({ electron: false, 'better-sqlite3': true });
  });
});
