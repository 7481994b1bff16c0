// rtf.js ships no types for its bundle; the tests use two of its exports (see prompterExport.test.ts).
declare module 'rtf.js/dist/RTFJS.bundle.js';
