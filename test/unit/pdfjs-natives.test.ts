import { describe, expect, it } from 'vitest';
import { pdfjs } from '../../electron/core/documents-read/pdfjs';

describe('loading pdf.js', () => {
  it("keeps the engine's own Array.prototype.push and JSON.parse (its core-js would replace them for the whole process)", async () => {
    const { push } = Array.prototype;
    const { parse } = JSON;
    const lib = await pdfjs();
    expect(typeof lib.getDocument).toBe('function');
    expect(Array.prototype.push).toBe(push);
    expect(JSON.parse).toBe(parse);
    expect(await pdfjs()).toBe(lib);
  });
});
