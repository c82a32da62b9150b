/**
 * The whole job in memory: inputs → articles → annotations → stories → dossiers.
 * Pure: no network, no disk beyond reading the inputs it is given.
 */
import type { Diagnostic, Dossier, Report } from './core/index.ts';
import { ingest, type IngestInput, type IngestOptions } from './ingest/index.ts';
import { annotate } from './annotate/index.ts';
import { clusterStories } from './cluster/index.ts';
import { buildDossier } from './dossier/index.ts';
import { GENERATOR, SCHEMA_VERSION } from './version.ts';

export type AnalyzeOptions = IngestOptions;

/** Analyse the inputs and return the report: dossiers plus the diagnostics of rejected inputs. */
export async function analyzeReport(
  inputs: IngestInput[],
  options: AnalyzeOptions = {},
): Promise<Report> {
  const { articles, diagnostics } = await ingest(inputs, options);
  const annotated = articles.map((article) => annotate(article));
  const stories = clusterStories(annotated).map((story) => buildDossier(story));
  return { schemaVersion: SCHEMA_VERSION, generator: GENERATOR, stories, diagnostics };
}

/** Analyse the inputs: one dossier per story. Rejected inputs are reported by `analyzeReport`. */
export async function analyze(
  inputs: IngestInput[],
  options: AnalyzeOptions = {},
): Promise<Dossier[]> {
  return (await analyzeReport(inputs, options)).stories;
}

export type { Diagnostic };
