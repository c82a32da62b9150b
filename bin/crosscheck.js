#!/usr/bin/env node
// Entry point of `npx crosscheck`: runs the TypeScript sources through tsx in a
// checkout (always current), or the compiled dist/ when the sources are absent.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
const built = new URL('../dist/src/cli/main.js', import.meta.url);

if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else if (existsSync(built)) {
  await import(built.href);
} else {
  console.error(
    'crosscheck: neither src/cli/main.ts nor dist/src/cli/main.js found; run npm run build',
  );
  process.exitCode = 2;
}
