/**
 * Bytes → string. UTF-8 (with or without BOM) and UTF-16 with a BOM are read as
 * such; a charset declared by the input (HTML `<meta charset>`, a record's
 * field) is honoured; otherwise a legacy single-byte encoding is detected with
 * chardet and accepted only when the decoded text looks like text. Binary data
 * and text whose encoding cannot be determined are refused with a reason.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type DecodeResult =
  | { ok: true; text: string; encoding: string; how: 'utf-8' | 'bom' | 'declared' | 'detected' }
  | { ok: false; ruleId: 'binary-data' | 'encoding-undetected'; reason: string };

/** Share of bytes that may be control characters before the input counts as binary. */
const CONTROL_BYTE_LIMIT = 0.02;
/** chardet confidence (0-100) below which a detected encoding is not trusted. */
const MIN_CONFIDENCE = 25;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeBytes(bytes: Uint8Array, declared?: string): DecodeResult {
  const bom = bomEncoding(bytes);
  if (bom) {
    return { ok: true, text: iconv.decode(Buffer.from(bytes), bom), encoding: bom, how: 'bom' };
  }
  const binary = binaryReason(bytes);
  if (binary) return { ok: false, ruleId: 'binary-data', reason: binary };

  if (declared && !/^utf-?8$/i.test(declared)) {
    if (iconv.encodingExists(declared)) {
      const text = iconv.decode(Buffer.from(bytes), declared);
      return { ok: true, text, encoding: declared.toLowerCase(), how: 'declared' };
    }
    // An unknown declared charset falls through to detection below.
  }

  try {
    return { ok: true, text: utf8.decode(bytes), encoding: 'utf-8', how: 'utf-8' };
  } catch {
    // Not valid UTF-8: try a legacy encoding.
  }

  const candidates = chardet
    .analyse(bytes)
    .filter((m) => m.confidence >= MIN_CONFIDENCE && !/^UTF-(16|32)/i.test(m.name));
  for (const match of candidates) {
    if (!iconv.encodingExists(match.name)) continue;
    const text = iconv.decode(Buffer.from(bytes), match.name);
    if (looksLikeText(text)) {
      return { ok: true, text, encoding: match.name.toLowerCase(), how: 'detected' };
    }
  }
  return {
    ok: false,
    ruleId: 'encoding-undetected',
    reason: declared
      ? `not UTF-8, and the declared charset "${declared}" is unknown; save the file as UTF-8`
      : 'not UTF-8 and the encoding could not be determined; save the file as UTF-8',
  };
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** A NUL byte, or more than a few control bytes, means the input is not text. */
function binaryReason(bytes: Uint8Array): string | undefined {
  const sample = bytes.subarray(0, 65536);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return 'binary data (contains NUL bytes), not a text document';
    // Tab, LF, FF, CR and ESC (used by ISO-2022 encodings) are allowed.
    if (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13 && byte !== 27) {
      controls++;
    }
  }
  if (sample.length > 0 && controls / sample.length > CONTROL_BYTE_LIMIT) {
    return 'binary data (control bytes), not a text document';
  }
  return undefined;
}

/** Decoded text is plausible when it has no replacement or C1 control characters. */
function looksLikeText(text: string): boolean {
  if (/[\ufffd\u0080-\u009f]/.test(text)) return false;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const visible = text.replace(/\s/g, '').length;
  return visible > 0 && letters / visible >= 0.5;
}

/** The charset an HTML document declares in its first bytes (`<meta charset>` or http-equiv). */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return match?.[1];
}
