import { createHash } from 'node:crypto';

/** Short stable hex id of a string (SHA-256, first `length` hex digits). */
export function stableId(text: string, length = 16): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, length);
}
