/**
 * Text normalisation shared by every input format. Only three changes are made
 * (BOM removed, `\r\n`/`\r` → `\n`, Unicode NFC) so that offsets into a UTF-8,
 * LF-terminated plain-text file stay offsets into the file.
 */

export function normalizeText(raw: string): string {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  text = text.replace(/\r\n?/g, '\n');
  return text.normalize('NFC');
}

/** Collapses runs of whitespace inside a line (HTML text nodes), keeping the text's words. */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
