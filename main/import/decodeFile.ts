import { MAX_IMPORT_FILE_BYTES } from '../../shared/limits';
import { ServiceError } from '../common/errors';
import { tooLargeMessage } from '../common/readImportBytes';
import { STRAY_CONTROL } from '../../shared/story/controlChars';

const MAGIC: readonly { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (a .docx or .odt is one)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Word (.doc) file' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'a database file' },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * Reads a script file's bytes as text: UTF-8 (with or without BOM) or UTF-16 with a BOM.
 * Anything else — empty, binary, broken UTF-8 — is refused with a message that says what the
 * file is and what to do, before anything touches the archive.
 */
export function decodeScriptFile(name: string, bytes: Uint8Array): string {
  const label = `“${name}”`;
  if (bytes.length > MAX_IMPORT_FILE_BYTES)
    throw new ServiceError('TOO_LARGE', tooLargeMessage(label));
  if (bytes.length === 0)
    throw new ServiceError('BAD_FILE', `${label} is empty. Nothing was imported.`);
  for (const { bytes: magic, what } of MAGIC) {
    if (startsWith(bytes, magic)) {
      throw new ServiceError(
        'BAD_FILE',
        `${label} is ${what}, not a plain-text script. Save it as plain text (UTF-8) and import that. Nothing was imported.`,
      );
    }
  }
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2));
    } catch {
      throw new ServiceError(
        'BAD_FILE',
        `${label} says it is UTF-16 text but is damaged. Nothing was imported.`,
      );
    }
  } else {
    if (bytes.includes(0)) {
      throw new ServiceError(
        'BAD_FILE',
        `${label} is a binary file, not a text script. Nothing was imported.`,
      );
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      const at = firstInvalidUtf8(bytes);
      throw new ServiceError(
        'BAD_FILE',
        `${label} is not valid UTF-8 text (the first bad byte is at position ${at}). It may be in an older encoding such as Windows-1252 or EUC-KR: save it as UTF-8 and import it again. Nothing was imported.`,
      );
    }
  }
  if (text.startsWith('{\\rtf')) {
    throw new ServiceError(
      'BAD_FILE',
      `${label} is an RTF document. Save it as plain text (UTF-8) and import that. Nothing was imported.`,
    );
  }
  const controls = text.slice(0, 8192).match(STRAY_CONTROL)?.length ?? 0;
  if (controls > 8) {
    throw new ServiceError(
      'BAD_FILE',
      `${label} looks like a binary file, not a text script. Nothing was imported.`,
    );
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw new ServiceError('BAD_FILE', `${label} has no text in it. Nothing was imported.`);
  }
  return text;
}

/** The byte offset where UTF-8 decoding first fails, for a message a person can check. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len =
      b < 0x80
        ? 1
        : b >= 0xc2 && b <= 0xdf
          ? 2
          : b >= 0xe0 && b <= 0xef
            ? 3
            : b >= 0xf0 && b <= 0xf4
              ? 4
              : 0;
    if (len === 0) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return i;
}
