// rtf.js ships no types for its bundle; the tests use two of its exports (see prompterExport.test.ts).
declare module 'rtf.js/dist/RTFJS.bundle.js';
// icns-lib ships no types; the icon tests read .icns files with its parse().
declare module 'icns-lib' {
  export function parse(file: Buffer): Record<string, Buffer>;
}
