/**
 * Decoding a file's bytes to text, and encoding a fixed text back the way the
 * file was written, so that every byte a fix did not touch stays as it was.
 */

import { isAscii, isUtf8, transcode } from 'node:buffer';

/** The text of a file, or why it has none; `note` says how it was decoded when that was not plain UTF-8. */
export type Decoded = { ok: true; text: string; encoding: Encoding; note?: string } | { ok: false; reason: string };

/** How a file's bytes encode its text; a fixed file is written back the same way. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Decodes file bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, and, for
 * bytes that are not valid UTF-8, Windows-1252 (what older OCR tools write).
 *
 * Binary files are refused, judged by the first 8 KB: more than one byte in
 * ten a control character (NUL included), or any NUL byte among bytes that are
 * not UTF-8 (compressed data, images, PDF streams, executables). A text file
 * with a few stray NUL bytes, wherever they are, is read as text: each NUL is
 * a control character `non-ascii` reports, and a note says the file holds them.
 */
/** How much of a file judges whether it is binary. */
const HEAD = 8192;
/** The bytes counted as control characters (with NUL), as Latin-1 text: tab, line breaks, form feed and escape are not. */
const CONTROL_BYTE = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/;

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', note: 'read as UTF-16LE' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', note: 'read as UTF-16BE' };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = bytes.subarray(0, HEAD);
  let nul = 0;
  let control = 0;
  // Most files hold no control byte at all: one native regex test over the head settles that, and only a file
  // that has some has them counted (a byte loop over every file's head cost 2% of an archive's lint).
  if (CONTROL_BYTE.test(buffer.toString('latin1', 0, head.length))) {
    for (let i = 0; i < head.length; i++) {
      const b = head[i];
      if (b === 0) nul++;
      else if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
    }
  }
  if (head.length > 0 && (nul + control) / head.length > 0.1) return { ok: false, reason: 'binary file (not text), skipped' };
  if (nul > 0 && !isUtf8Prefix(head)) return { ok: false, reason: 'binary file (not text), skipped' };
  const nuls = nul > 0 || buffer.indexOf(0, head.length) >= 0 ? 'holds NUL bytes, read as text' : undefined;
  if (!isUtf8(buffer)) return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252', note: `not valid UTF-8; read as Windows-1252${nuls ? `; ${nuls}` : ''}` };
  // The BOM is not part of the text (as TextDecoder, which drops it, had it).
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { ok: true, text: validUtf8Text(bom ? buffer.subarray(3) : buffer), encoding: bom ? 'utf-8-bom' : 'utf-8', ...(nuls ? { note: nuls } : {}) };
}

/**
 * The text of bytes known to be valid UTF-8. ASCII is copied as it is; the
 * rest goes through ICU's transcoder to UTF-16 and is copied from there,
 * which takes half the time of TextDecoder (whose string V8 builds a
 * character at a time): decoding was a twentieth of an archive's lint.
 */
function validUtf8Text(buffer: Buffer): string {
  if (isAscii(buffer)) return buffer.toString('latin1');
  return transcode(buffer, 'utf8', 'utf16le').toString('utf16le');
}

/** Whether `head` is valid UTF-8, but for a character the 8 KB cut may have split at its end. */
function isUtf8Prefix(head: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Windows-1252's characters for the bytes 0x80-0x9F (the rest of 0xA0-0xFF is Latin-1); the five undefined bytes decode to the C1 controls of the same value. */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Windows-1252 bytes as text. (Node's TextDecoder reads this label as Latin-1, which turns curly quotes into C1 controls.) */
function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    parts.push(String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b))));
  }
  return parts.join('');
}

/** The bytes of `text` in `encoding`, or the first character that encoding cannot hold. */
export function encode(text: string, encoding: Encoding): { ok: true; bytes: Uint8Array } | { ok: false; reason: string } {
  switch (encoding) {
    case 'utf-8':
      return { ok: true, bytes: Buffer.from(text, 'utf8') };
    case 'utf-8-bom':
      return { ok: true, bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]) };
    case 'utf-16le':
      return { ok: true, bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) };
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      return { ok: true, bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]) };
    }
    case 'windows-1252': {
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) bytes[i] = c;
        else {
          const high = CP1252_HIGH.indexOf(text[i]);
          if (high < 0) return { ok: false, reason: `'${String.fromCodePoint(text.codePointAt(i)!)}' cannot be written in Windows-1252, the file's encoding` };
          bytes[i] = 0x80 + high;
        }
      }
      return { ok: true, bytes };
    }
  }
}
