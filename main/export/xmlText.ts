/* eslint-disable no-control-regex -- matching what XML 1.0 forbids is the point */
/**
 * Text for XML 1.0 content and attribute values. The five special characters become entities
 * (so a `]]>` in a story can never end anything: we never write CDATA, and `>` is always
 * `&gt;`). XML 1.0 forbids the C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF; the
 * story model already refuses control characters, so only the two non-characters (and any lone
 * surrogate, which the model refuses too) can reach here: each becomes U+FFFD, the replacement
 * character, rather than making a file every XML parser rejects.
 */
export function xmlEscape(text: string): string {
  return text.replace(XML_SPECIAL, (c) => XML_ENTITIES[c] ?? '\uFFFD');
}

const XML_SPECIAL =
  /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** What xmlEscape does to text a reader gets back: the forbidden characters replaced. */
export function xmlSafeText(text: string): string {
  return text.replace(XML_FORBIDDEN, '\uFFFD');
}

const XML_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `<name>text</name>`, escaped. */
export function xmlElement(name: string, text: string | number): string {
  return `<${name}>${xmlEscape(String(text))}</${name}>`;
}
