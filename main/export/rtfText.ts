/**
 * Escapes text for an RTF body. Backslash and braces are escaped; everything outside printable
 * ASCII becomes `\uN?` with N as a signed 16-bit number (so U+AC00 and up are negative), one per
 * UTF-16 code unit, which is how Word writes astral characters such as emoji. The `?` is the
 * fallback that readers ignoring \u show; `\uc1` in the header says it is one character long.
 */
export function rtfEscape(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x5c) out += '\\\\';
    else if (code === 0x7b) out += '\\{';
    else if (code === 0x7d) out += '\\}';
    else if (code === 0x09) out += '\\tab ';
    else if (code < 0x20) continue;
    else if (code < 0x80) out += text[i];
    else out += `\\u${code > 0x7fff ? code - 0x10000 : code}?`;
  }
  return out;
}
