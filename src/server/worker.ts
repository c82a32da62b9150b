/**
 * Piscina worker: runs one analysis off the server's event loop. Inputs are
 * records from a request, or paths the server itself chose (the bundled
 * example); never a path a client sent.
 */
import { setPriority } from 'node:os';
import { analyzeReport, type AnalyzeOptions } from '../analyze.ts';
import type { IngestInput } from '../ingest/index.ts';

export interface AnalyzeTask {
  inputs: IngestInput[];
  options?: AnalyzeOptions;
}

// On Linux a nice value belongs to a thread, and setPriority without a pid
// applies to the calling thread: this worker yields the CPU to the event-loop
// thread, so /api/health and new requests are answered while every core
// analyses. Elsewhere (or without permission) the call may fail; nothing else
// depends on it.
try {
  setPriority(10);
} catch {
  // keep the default priority
}

/** The report as JSON text: serialised here so the event loop only sends it. */
export default async function analyzeTask(task: AnalyzeTask): Promise<string> {
  return JSON.stringify(await analyzeReport(task.inputs, task.options));
}
