/* eslint-disable no-control-regex -- this module exists to match control characters */

/** Any C0 control character or DEL: the story model's single-line text holds none. */
export const CONTROL_CHAR = /[\u0000-\u001F\u007F]/;
/** Runs of them, to fold into one space. */
export const CONTROL_RUNS = /[\u0000-\u001F\u007F]+/g;
/** Control characters other than the tab: read text keeps the tabs that indent a line. */
export const CONTROL_EXCEPT_TAB = /[\u0000-\u0008\u000A-\u001F\u007F]/;
export const CONTROL_EXCEPT_TAB_RUNS = /[\u0000-\u0008\u000A-\u001F\u007F]+/g;
/** Control characters other than the line feed: multi-line text keeps line feeds only. */
export const CONTROL_EXCEPT_LF = /[\u0000-\u0009\u000B-\u001F\u007F]/;
export const CONTROL_EXCEPT_LF_RUNS = /[\u0000-\u0009\u000B-\u001F\u007F]+/g;
/** Control characters a text file may hold by accident (not tab, LF, VT, FF, CR). */
export const STRAY_CONTROL = /[\u0001-\u0008\u000E-\u001F\u007F]/g;

/** Folds control characters (and no-break spaces) into single spaces. */
export function foldControls(text: string): string {
  return text.replace(CONTROL_RUNS, ' ');
}
