import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// package.json sits two levels up from both src/ and dist/src/.
const pkg = (() => {
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      return require(candidate) as { name: string; version: string };
    } catch {
      // try the next location
    }
  }
  return { name: 'crosscheck', version: '0.0.0' };
})();

/** Version of the report contract (schema/dossier.schema.json). */
export const SCHEMA_VERSION = '1.0.0';
export const GENERATOR = { name: pkg.name, version: pkg.version };
