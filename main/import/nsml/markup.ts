/**
 * A forgiving reader for NSML markup. NSML 4.x is XML; the NSML 1.0 that iNEWS FTP exports
 * write is SGML-like: unquoted (`<f id=title>`) and bare (`<meta float>`) attributes, empty
 * elements without a closing tag (`<meta ...>`, `<a idref=0>`), upper or lower case names.
 * This reads both into one small tree, closing what was left open the way SGML would.
 */
export type MarkupNode = MarkupElement | { kind: 'text'; text: string };
export type MarkupElement = {
  kind: 'element';
  name: string;
  attrs: Record<string, string>;
  children: MarkupNode[];
};

/** Elements NSML never closes in its SGML form. */
const EMPTY_ELEMENTS = new Set(['meta', 'a', 'tab', 'br']);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : '\uFFFD';
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(ATTRIBUTE)) {
    const value = m[2] ?? m[3] ?? m[4];
    attrs[m[1]!.toLowerCase()] = value === undefined ? '' : decodeEntities(value);
  }
  return attrs;
}

export function parseMarkup(source: string): MarkupElement {
  const root: MarkupElement = { kind: 'element', name: '#root', attrs: {}, children: [] };
  const stack: MarkupElement[] = [root];
  const top = () => stack[stack.length - 1]!;
  let i = 0;
  const pushText = (text: string) => {
    if (text !== '') top().children.push({ kind: 'text', text: decodeEntities(text) });
  };
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    if (lt === -1) {
      pushText(source.slice(i));
      break;
    }
    pushText(source.slice(i, lt));
    if (source.startsWith('<!--', lt)) {
      const end = source.indexOf('-->', lt + 4);
      i = end === -1 ? source.length : end + 3;
      continue;
    }
    if (source.startsWith('<![CDATA[', lt)) {
      const end = source.indexOf(']]>', lt + 9);
      const stop = end === -1 ? source.length : end;
      top().children.push({ kind: 'text', text: source.slice(lt + 9, stop) });
      i = end === -1 ? source.length : end + 3;
      continue;
    }
    const gt = findTagEnd(source, lt + 1);
    if (gt === -1) {
      // A lone `<` in text: SGML exports do contain them.
      pushText('<');
      i = lt + 1;
      continue;
    }
    const inner = source.slice(lt + 1, gt);
    i = gt + 1;
    if (inner.startsWith('?') || inner.startsWith('!')) continue;
    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim().toLowerCase();
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at > 0) stack.length = at;
      continue;
    }
    const m = /^([A-Za-z][\w.:-]*)([\s\S]*?)(\/?)\s*$/.exec(inner);
    if (!m) {
      pushText(`<${inner}>`);
      continue;
    }
    const name = m[1]!.toLowerCase().replace(/^.*:/, '');
    const element: MarkupElement = {
      kind: 'element',
      name,
      attrs: parseAttributes(m[2]!),
      children: [],
    };
    // SGML paragraphs end where the next one starts.
    if (name === 'p' && top().name === 'p') stack.pop();
    top().children.push(element);
    if (m[3] !== '/' && !EMPTY_ELEMENTS.has(name)) stack.push(element);
  }
  return root;
}

/** The `>` that ends a tag, skipping any inside quoted attribute values. */
function findTagEnd(source: string, from: number): number {
  let quote: string | null = null;
  for (let j = from; j < source.length; j++) {
    const c = source[j]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return j;
    else if (c === '<') return -1;
  }
  return -1;
}

export function childElements(node: MarkupElement, name?: string): MarkupElement[] {
  return node.children.filter(
    (c): c is MarkupElement => c.kind === 'element' && (name === undefined || c.name === name),
  );
}

/** Depth-first search for the first element with this name. */
export function findElement(node: MarkupElement, name: string): MarkupElement | undefined {
  for (const child of childElements(node)) {
    if (child.name === name) return child;
    const found = findElement(child, name);
    if (found) return found;
  }
  return undefined;
}

export function textOf(node: MarkupNode): string {
  if (node.kind === 'text') return node.text;
  if (node.name === 'tab') return ' ';
  return node.children.map(textOf).join('');
}
