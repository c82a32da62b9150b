import type {
  Article,
  Diagnostic,
  LocalEntity,
  Mention,
  Quantity,
  Sentence,
  TimeRef,
} from '../core/index.ts';
import type { TokenTable } from './nlp.ts';
import type { Paragraph } from './sentences.ts';

/**
 * What the annotation extractors share while reading one article. Extractors run
 * in a fixed order (sentences → entities → dates → quantities → attributions →
 * claims), each reading what the earlier ones produced. Dates run before
 * quantities so that the numbers inside a date ("March 22, 2024") are not
 * taken for counts.
 */
export interface AnnotationContext {
  article: Article;
  /** wink-nlp tokens of `article.text` with character offsets, POS tags and lemmas. */
  tokens: TokenTable;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  mentions: Mention[];
  entities: LocalEntity[];
  quantities: Quantity[];
  times: TimeRef[];
  diagnostics: Diagnostic[];
}
