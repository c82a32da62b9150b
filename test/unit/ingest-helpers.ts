/** Temporary folders of fictional articles for ingest and CLI tests. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A short fictional news text that is plainly English and plainly a body paragraph. */
export const GOOD_TEXT =
  'Ferry service resumes in Marlow Bay\n\n' +
  'Ferries between Marlow Bay and the islands resumed on Wednesday after a two-day strike, ' +
  'the operator said. About 3,000 passengers had been stranded, according to the harbour office.\n';

/** Writes files (path → text or bytes) into a new temporary folder and returns its path. */
export function tempFiles(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-test-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}
