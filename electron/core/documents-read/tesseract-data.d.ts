/** The Vietnamese trained data package: where its files lie (its index.js, CommonJS, has no types). */
declare module '@tesseract.js-data/vie' {
  const data: { code: string; gzip: boolean; langPath: string };
  export default data;
}
