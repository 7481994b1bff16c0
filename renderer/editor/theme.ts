import type { EditorThemeClasses } from 'lexical';

export const SCRIPT_THEME: EditorThemeClasses = {
  paragraph: 'cd-block cd-read',
  mark: 'cd-mark',
  markOverlap: 'cd-mark-overlap',
  text: {
    bold: 'cd-bold',
    italic: 'cd-italic',
    underline: 'cd-underline',
  },
};
