/**
 * pdf.js (legacy build, which runs in Node without a browser), loaded when a
 * PDF is first read, not with the core: it needs a DOMMatrix, which Node lacks
 * and which pdf.js cannot find by itself where import.meta.url is missing (the
 * desktop's CommonJS bundle, tsx children).
 *
 * Its bundled core-js replaces Array.prototype.push and JSON.parse for the
 * whole process with JavaScript versions (for edge cases of the standard no
 * caller here meets: lengths past 2^32, the reviver's source text). Every push
 * and every parse of the app became several times slower: a fifth of a year's
 * Excel export was that push. The engine's own are put back once it is loaded.
 */
type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<Pdfjs> | null = null;

export function pdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const g = globalThis as { DOMMatrix?: unknown };
    g.DOMMatrix ??= (await import('@napi-rs/canvas')).DOMMatrix;
    const { push } = Array.prototype;
    const { parse } = JSON;
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      Array.prototype.push = push;
      JSON.parse = parse;
    }
  })();
  return loading;
}
