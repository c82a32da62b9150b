/**
 * RSS 2.0 and Atom feeds → article records. Parsing only: fetching a feed URL
 * is the CLI's job. Each item becomes an ingest record (HTML when the feed
 * carries markup, text otherwise) labelled with its link.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Diagnostic } from '../core/index.ts';
import { diagnostic } from '../core/index.ts';
import type { ArticleRecord } from '../ingest/index.ts';

export interface FeedItem {
  record: ArticleRecord;
  label: string;
}

export interface ParsedFeed {
  kind: 'rss' | 'atom';
  title?: string;
  items: FeedItem[];
  diagnostics: Diagnostic[];
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  // Item bodies are HTML: keep them as strings, never parse them as XML.
  stopNodes: ['*.description', '*.content:encoded', '*.content', '*.summary'],
  processEntities: true,
  htmlEntities: true,
});

/** True when the text looks like an RSS or Atom document (cheap sniff of the start). */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2048);
  return (
    /<rss[\s>]/i.test(head) ||
    /<feed[\s>][^]*?xmlns=["']http:\/\/www\.w3\.org\/2005\/Atom/i.test(head) ||
    /<rdf:RDF[\s>]/i.test(head)
  );
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Bodies are kept raw (stop nodes), so their escaping is undone here: CDATA
 * sections as they are, everything else with XML entities decoded.
 */
function unescapeBody(raw: string): string {
  return raw
    .split(/(<!\[CDATA\[[^]*?\]\]>)/)
    .map((part) =>
      part.startsWith('<![CDATA[')
        ? part.slice(9, -3)
        : part.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (match, name: string) => {
            if (name[0] !== '#') return XML_ENTITIES[name.toLowerCase()] ?? match;
            const code =
              name[1] === 'x' || name[1] === 'X'
                ? parseInt(name.slice(2), 16)
                : parseInt(name.slice(1), 10);
            return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : match;
          }),
    )
    .join('');
}

/** Text of an element that may carry attributes (`{#text, @type}`) or CDATA. */
function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return unescapeBody(value).trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') return textOf((value as Node)['#text']);
  return undefined;
}

/** `text` or `html` field from a body that may be markup (entity-escaped or CDATA). */
function body(raw: string | undefined): Pick<ArticleRecord, 'text' | 'html'> {
  if (!raw) return {};
  return /<\/?[a-z][^>]*>/i.test(raw) ? { html: raw } : { text: raw };
}

function atomLink(entry: Node): string | undefined {
  const links = asArray(entry.link) as Node[];
  const alternate = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? links[0];
  return typeof alternate?.['@href'] === 'string' ? alternate['@href'] : undefined;
}

/** Parses a feed; `source` names it in diagnostics. Never throws on bad input. */
export function parseFeed(xml: string, source: string): ParsedFeed {
  let doc: Node;
  try {
    const valid = XMLValidator.validate(xml);
    if (valid !== true) throw new Error(`${valid.err.msg} (line ${valid.err.line})`);
    doc = parser.parse(xml) as Node;
  } catch (error) {
    return {
      kind: 'rss',
      items: [],
      diagnostics: [
        diagnostic(
          'ingest',
          'feed-malformed',
          `not well-formed XML (${error instanceof Error ? error.message : String(error)})`,
          {
            severity: 'error',
            source,
          },
        ),
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const items: FeedItem[] = [];
  const rss = (doc.rss as Node | undefined) ?? (doc['rdf:RDF'] as Node | undefined);
  if (rss) {
    const channel = (asArray(rss.channel)[0] ?? {}) as Node;
    const outlet = textOf(channel.title);
    const entries = [...asArray(channel.item), ...asArray(rss.item)] as Node[];
    entries.forEach((item, index) => {
      const link = textOf(item.link) ?? textOf(item.guid);
      const content = textOf(item['content:encoded']) ?? textOf(item.description);
      const label = link ?? `${source}#item${index + 1}`;
      if (!content) {
        diagnostics.push(
          diagnostic(
            'ingest',
            'feed-item-empty',
            `item ${index + 1} has no description or content`,
            { source: label },
          ),
        );
        return;
      }
      items.push({
        label,
        record: {
          title: textOf(item.title),
          ...body(content),
          ...(link ? { url: link } : {}),
          ...(outlet ? { outlet } : {}),
          ...((textOf(item['dc:creator']) ?? textOf(item.author))
            ? { byline: textOf(item['dc:creator']) ?? textOf(item.author) }
            : {}),
          ...((textOf(item.pubDate) ?? textOf(item['dc:date']))
            ? { published: textOf(item.pubDate) ?? textOf(item['dc:date']) }
            : {}),
        },
      });
    });
    return { kind: 'rss', ...(outlet ? { title: outlet } : {}), items, diagnostics };
  }
  const feed = doc.feed as Node | undefined;
  if (feed) {
    const outlet = textOf(feed.title);
    (asArray(feed.entry) as Node[]).forEach((entry, index) => {
      const link = atomLink(entry) ?? textOf(entry.id);
      const content = textOf(entry.content) ?? textOf(entry.summary);
      const label = link ?? `${source}#entry${index + 1}`;
      if (!content) {
        diagnostics.push(
          diagnostic('ingest', 'feed-item-empty', `entry ${index + 1} has no content or summary`, {
            source: label,
          }),
        );
        return;
      }
      const author = textOf((asArray(entry.author)[0] as Node | undefined)?.name);
      const published = textOf(entry.published) ?? textOf(entry.updated);
      items.push({
        label,
        record: {
          title: textOf(entry.title),
          ...body(content),
          ...(link ? { url: link } : {}),
          ...(outlet ? { outlet } : {}),
          ...(author ? { byline: author } : {}),
          ...(published ? { published } : {}),
        },
      });
    });
    return { kind: 'atom', ...(outlet ? { title: outlet } : {}), items, diagnostics };
  }
  return {
    kind: 'rss',
    items: [],
    diagnostics: [
      diagnostic('ingest', 'feed-unknown', 'XML is neither an RSS nor an Atom feed', {
        severity: 'error',
        source,
      }),
    ],
  };
}
