/** Elements that end a line of text where they start and end, as a browser lays them out. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);

/** Elements whose content is never text a person sees. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'MATH',
  'CANVAS',
  'SELECT',
  'BUTTON',
]);

/**
 * The text of clipboard HTML, one line per paragraph, and nothing else: no markup, attribute,
 * style or script survives (it is parsed into an inert document that loads and runs nothing, and
 * only its text nodes are read). For a clipboard that holds HTML but no plain text, so the paste
 * goes through the script importer like any other.
 */
export function clipboardHtmlText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const lines: string[] = [];
  let line = '';
  const endLine = () => {
    lines.push(line.trim());
    line = '';
  };
  const walk = (node: Node, pre: boolean) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = child.textContent ?? '';
        if (pre) {
          const parts = text.split('\n');
          parts.forEach((part, i) => {
            if (i > 0) endLine();
            line += part;
          });
        } else line += text.replace(/[ \t\n\r\f]+/g, ' ');
        continue;
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const tag = (child as Element).tagName.toUpperCase();
      if (SKIPPED_TAGS.has(tag)) continue;
      if (tag === 'BR') {
        endLine();
        continue;
      }
      const block = BLOCK_TAGS.has(tag);
      if (block && line.trim() !== '') endLine();
      if (tag === 'TD' || tag === 'TH') line += ' ';
      walk(child, pre || tag === 'PRE');
      if (block && line.trim() !== '') endLine();
    }
  };
  walk(doc.body, false);
  if (line.trim() !== '') endLine();
  return lines
    .map((l) => l.replace(/ {2,}/g, ' '))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
