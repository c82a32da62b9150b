// Public library API of crosscheck.
export { analyze, analyzeReport, type AnalyzeOptions } from './analyze.ts';
export type { IngestInput, ArticleRecord } from './ingest/index.ts';
export { renderJson, renderMarkdown, renderTerminal } from './render/index.ts';
export * from './core/types.ts';
export { SCHEMA_VERSION, GENERATOR } from './version.ts';
