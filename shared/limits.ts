/**
 * How big an imported file may be, wherever it is read: by the importer, by the desktop app's
 * open dialog, by the CLI, and by the contract that carries it as base64. A script is a few
 * kilobytes; a story file of a whole show a few megabytes.
 */
export const MAX_IMPORT_FILE_BYTES = 8 * 1024 * 1024;
