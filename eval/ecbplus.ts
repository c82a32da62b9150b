/**
 * Reader for ECB+ (Cybulska and Vossen 2014), read from ../shared/datasets/ecbplus.
 *
 * Each document is a token list with sentence numbers plus stand-off markables
 * (event, participant, time, location mentions) and cross-document coreference
 * chains. We rebuild an article text from the tokens (sentence per line, light
 * detokenisation so that annotators see ordinary punctuation) and keep the
 * offset of every token, so gold mentions map to spans of that text.
 * In the `ecbplus` files sentence 0 is the source URL, not text: it is dropped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Block, Span } from '../src/core/index.ts';
import { stableId } from '../src/core/index.ts';
import { DATASETS } from './shared.ts';

export const ECBPLUS = join(DATASETS, 'ecbplus');

/** Customary split (Cybulska and Vossen 2015). */
export const DEV_TOPICS = [2, 5, 12, 18, 21, 23, 34, 35];
export const TEST_TOPICS = [36, 37, 38, 39, 40, 41, 42, 43, 44, 45];
export type Split = 'train' | 'dev' | 'test';

export function splitOf(topic: number): Split {
  if (TEST_TOPICS.includes(topic)) return 'test';
  if (DEV_TOPICS.includes(topic)) return 'dev';
  return 'train';
}

export interface EcbToken {
  id: number;
  sentence: number;
  text: string;
  span: Span;
}

export interface EcbMention {
  id: number;
  /** Markable tag, e.g. ACTION_OCCURRENCE, NEG_ACTION_STATE, HUMAN_PART_PER. */
  tag: string;
  tokenIds: number[];
  sentence: number;
  span: Span;
  /** Cross-document chain (instance) id, when the mention takes part in one. */
  instance?: string;
}

export interface EcbDocument {
  /** File name without extension, e.g. `36_4ecbplus`. */
  name: string;
  topic: number;
  subset: 'ecb' | 'ecbplus';
  /** Gold story: `<topic>/<subset>`. */
  story: string;
  split: Split;
  title: string;
  text: string;
  tokens: EcbToken[];
  /** Sentence number → span of the sentence in `text` (URL sentence excluded). */
  sentences: Map<number, Span>;
  mentions: EcbMention[];
  /** Sentence numbers listed in ECBplus_coreference_sentences.csv for this file. */
  annotatedSentences: Set<number>;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};
const decode = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (m) => ENTITIES[m] ?? m);

/** Tokens glued to the previous one (no space before). */
const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}]|'s|'S|n't|'re|'ve|'ll|'d|'m|\.\.\.)$/;
/** Tokens glued to the next one (no space after). */
const NO_SPACE_AFTER = /^[([{$#]$/;

function isEventTag(tag: string): boolean {
  return tag.startsWith('ACTION_') || tag.startsWith('NEG_ACTION_');
}

/** Whether a markable tag marks an event mention (ACTION_* or NEG_*). */
export function isEventMention(m: EcbMention): boolean {
  return isEventTag(m.tag);
}

let annotatedCache: Map<string, Set<number>> | undefined;

/** `<topic>_<file>` → annotated sentence numbers, from the CSV. */
function annotatedSentenceTable(): Map<string, Set<number>> {
  if (annotatedCache) return annotatedCache;
  const table = new Map<string, Set<number>>();
  const csv = readFileSync(join(ECBPLUS, 'ECBplus_coreference_sentences.csv'), 'utf8');
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const [topic, file, sentence] = line.split(',').map((c) => c.trim());
    if (!topic || !file || sentence === undefined || sentence === '') continue;
    const key = `${topic}_${file}`;
    let set = table.get(key);
    if (!set) table.set(key, (set = new Set()));
    set.add(Number(sentence));
  }
  annotatedCache = table;
  return table;
}

/** Parses one ECB+ XML file. */
export function parseEcbDocument(xml: string, name: string, topic: number): EcbDocument {
  const subset = name.endsWith('ecbplus') ? 'ecbplus' : 'ecb';
  const rawTokens: { id: number; sentence: number; text: string }[] = [];
  for (const m of xml.matchAll(
    /<token t_id="(\d+)" sentence="(\d+)" number="\d+">([^<]*)<\/token>/g,
  )) {
    rawTokens.push({ id: Number(m[1]), sentence: Number(m[2]), text: decode(m[3] ?? '') });
  }
  const firstSentence = subset === 'ecbplus' ? 1 : 0;
  const tokens: EcbToken[] = [];
  const sentences = new Map<number, Span>();
  let text = '';
  let current = -1;
  let sentenceStart = 0;
  let previous = '';
  for (const t of rawTokens) {
    if (t.sentence < firstSentence) continue;
    if (t.sentence !== current) {
      if (current >= 0) {
        sentences.set(current, [sentenceStart, text.length]);
        text += '\n';
      }
      current = t.sentence;
      sentenceStart = text.length;
      previous = '';
    } else if (previous !== '' && !NO_SPACE_BEFORE.test(t.text) && !NO_SPACE_AFTER.test(previous)) {
      text += ' ';
    }
    const start = text.length;
    text += t.text;
    tokens.push({ id: t.id, sentence: t.sentence, text: t.text, span: [start, text.length] });
    previous = t.text;
  }
  if (current >= 0) sentences.set(current, [sentenceStart, text.length]);
  const byId = new Map(tokens.map((t) => [t.id, t]));

  const mentions: EcbMention[] = [];
  const markables = /<Markables>([\s\S]*?)<\/Markables>/.exec(xml)?.[1] ?? '';
  for (const m of markables.matchAll(/<([A-Z_]+) m_id="(\d+)"[^>]*?>([\s\S]*?)<\/\1>/g)) {
    const tokenIds = [...(m[3] ?? '').matchAll(/t_id="(\d+)"/g)].map((a) => Number(a[1]));
    const anchored = tokenIds.map((id) => byId.get(id)).filter((t) => t !== undefined);
    const first = anchored[0];
    const last = anchored[anchored.length - 1];
    if (!first || !last) continue; // mention in the dropped URL sentence
    mentions.push({
      id: Number(m[2]),
      tag: m[1] ?? '',
      tokenIds,
      sentence: first.sentence,
      span: [first.span[0], last.span[1]],
    });
  }
  const mentionById = new Map(mentions.map((m) => [m.id, m]));
  const relations = /<Relations>([\s\S]*?)<\/Relations>/.exec(xml)?.[1] ?? '';
  for (const r of relations.matchAll(
    /<CROSS_DOC_COREF r_id="\d+" note="([^"]*)"\s*>([\s\S]*?)<\/CROSS_DOC_COREF>/g,
  )) {
    const instance = r[1] ?? '';
    if (instance === '') continue;
    for (const s of (r[2] ?? '').matchAll(/<source m_id="(\d+)"/g)) {
      const mention = mentionById.get(Number(s[1]));
      if (mention) mention.instance = instance;
    }
  }
  const titleSpan = sentences.get(firstSentence) ?? sentences.values().next().value;
  const title = titleSpan ? text.slice(titleSpan[0], titleSpan[1]) : name;
  return {
    name,
    topic,
    subset,
    story: `${topic}/${subset}`,
    split: splitOf(topic),
    title,
    text,
    tokens,
    sentences,
    mentions,
    annotatedSentences: annotatedSentenceTable().get(name) ?? new Set(),
  };
}

/** Reads every ECB+ document (optionally only some topics), in a fixed order. */
export function readEcbPlus(options: { topics?: number[] } = {}): EcbDocument[] {
  const docsDir = join(ECBPLUS, 'docs');
  const topics = readdirSync(docsDir)
    .map(Number)
    .filter((t) => Number.isInteger(t) && (!options.topics || options.topics.includes(t)))
    .sort((a, b) => a - b);
  const documents: EcbDocument[] = [];
  for (const topic of topics) {
    const files = readdirSync(join(docsDir, String(topic)))
      .filter((f) => f.endsWith('.xml'))
      .sort();
    for (const file of files) {
      const xml = readFileSync(join(docsDir, String(topic), file), 'utf8');
      documents.push(parseEcbDocument(xml, file.replace(/\.xml$/, ''), topic));
    }
  }
  return documents;
}

/** Event mentions of a sentence that take part in cross-document chains. */
export function eventInstancesOf(doc: EcbDocument, sentence: number): Set<string> {
  const set = new Set<string>();
  for (const m of doc.mentions) {
    if (m.sentence === sentence && isEventTag(m.tag) && m.instance) set.add(m.instance);
  }
  return set;
}

/**
 * B-cubed precision, recall and F1 of a clustering against gold classes
 * (Bagga and Baldwin 1998), averaged over items.
 */
export function bcubed(
  predicted: Map<string, string>,
  gold: Map<string, string>,
): { p: number; r: number; f1: number } {
  const byCluster = new Map<string, string[]>();
  const byClass = new Map<string, string[]>();
  for (const [item, c] of predicted) {
    let l = byCluster.get(c);
    if (!l) byCluster.set(c, (l = []));
    l.push(item);
  }
  for (const [item, c] of gold) {
    let l = byClass.get(c);
    if (!l) byClass.set(c, (l = []));
    l.push(item);
  }
  let p = 0;
  let r = 0;
  let n = 0;
  for (const [item, c] of predicted) {
    const g = gold.get(item);
    if (g === undefined) continue;
    const cluster = byCluster.get(c) ?? [];
    const klass = byClass.get(g) ?? [];
    const both = cluster.filter((other) => gold.get(other) === g).length;
    p += both / cluster.length;
    r += both / klass.length;
    n += 1;
  }
  p /= n || 1;
  r /= n || 1;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/**
 * The document as a crosscheck Article: title block (first sentence) and one
 * body block for the rest. Built directly so that gold offsets stay valid
 * whatever the ingest stage does to whitespace.
 */
export function toArticle(doc: EcbDocument): Article {
  const firstLineEnd = doc.text.indexOf('\n');
  const titleEnd = firstLineEnd < 0 ? doc.text.length : firstLineEnd;
  const blocks: Block[] = [{ kind: 'title', span: [0, titleEnd] }];
  if (firstLineEnd >= 0) blocks.push({ kind: 'body', span: [firstLineEnd + 1, doc.text.length] });
  return {
    id: stableId(doc.text),
    source: `ecbplus:${doc.name}`,
    format: 'text',
    title: doc.title,
    text: doc.text,
    blocks,
    language: 'en',
    meta: { origin: { language: 'record' } },
    diagnostics: [],
  };
}
