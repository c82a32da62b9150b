/**
 * Builds the front end (Preact + CSS) into web/dist with esbuild: one IIFE
 * script and one stylesheet, usable both as files served by `crosscheck serve`
 * and inlined into the self-contained HTML report. Runs in `npm install`
 * (prepare) and before `start`; nothing is fetched.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { packageRoot, webBuildOptions } from '../src/render/html.ts';

export async function buildWeb(): Promise<string> {
  const options = webBuildOptions(packageRoot());
  await build(options);
  return options.outdir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`web: built ${await buildWeb()}`);
}
