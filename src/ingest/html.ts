/**
 * HTML → article. Metadata is read from the page first (`<meta>`, JSON-LD
 * NewsArticle, `<time>`), then @mozilla/readability extracts the main article
 * over a jsdom DOM (scripts never run). Scripts, styles, navigation, forms and
 * comment sections are removed before extraction so that none of them can
 * reach the text. The text is rebuilt from the article's block elements, title
 * first, one paragraph per element, so headings and figure captions keep their
 * role as hints for block typing.
 */
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import type { ArticleMetadata } from '../core/index.ts';
import type { Unit } from './blocks.ts';
import { collapseSpaces } from './normalize.ts';

export interface HtmlExtraction {
  title: string;
  /** Text pieces in order; the first is the title. */
  pieces: { text: string; hint?: Unit['hint']; evidence?: string }[];
  meta: ArticleMetadata;
  language?: string;
}

const REMOVE =
  'script, style, noscript, template, iframe, object, embed, form, nav, [role="navigation"], ' +
  '[role="complementary"], aside, svg, canvas, button, input, select, textarea';
/** id/class names of comment sections and share bars. */
const CLUTTER =
  /(^|[\s_-])(comments?|disqus|respond|share|social|related|newsletter|cookie)([\s_-]|$)/i;
const BLOCK_SELECTOR = 'p, h1, h2, h3, h4, h5, h6, li, figcaption, blockquote, pre, dt, dd, td';

export function extractHtml(html: string, url?: string): HtmlExtraction | undefined {
  const dom = new JSDOM(html, url ? { url } : {});
  const document = dom.window.document;
  try {
    const meta = pageMetadata(document);
    const headline = pageHeadline(document, meta.extra?.headline);
    const language = document.documentElement.getAttribute('lang') ?? undefined;

    for (const element of Array.from(document.querySelectorAll(REMOVE))) element.remove();
    for (const element of Array.from(document.querySelectorAll('[id], [class]'))) {
      const names = `${element.id} ${element.getAttribute('class') ?? ''}`;
      if (CLUTTER.test(names) && element.tagName !== 'BODY' && element.tagName !== 'HTML') {
        element.remove();
      }
    }
    removeComments(document);

    // Readability may take the byline from <meta>; only a byline shown on the page goes into the text.
    const visibleText = collapseSpaces(document.body?.textContent ?? '');
    const parsed = new Readability(document, { charThreshold: 100 }).parse();
    if (!parsed?.content || collapseSpaces(parsed.textContent ?? '') === '') return undefined;

    const title = collapseSpaces(headline ?? parsed.title ?? '');
    const pieces = contentPieces(dom, parsed.content);
    if (pieces.length === 0) return undefined;
    const byline = parsed.byline ? collapseSpaces(parsed.byline) : undefined;
    if (byline && !meta.byline) {
      meta.byline = byline;
      meta.origin = { ...meta.origin, byline: 'html:byline' };
    }
    const head: HtmlExtraction['pieces'] = [
      { text: title || (pieces[0]?.text ?? ''), hint: 'title', evidence: 'HTML title' },
    ];
    const shown = byline !== undefined && visibleText.includes(byline);
    if (byline && shown && byline.length < 120 && !pieces.some((p) => p.text.includes(byline))) {
      head.push({ text: byline, hint: 'byline', evidence: 'byline element of the page' });
    }
    const body = title ? pieces.filter((p, i) => !(i === 0 && p.text === title)) : pieces.slice(1);
    delete meta.extra;
    return {
      title: head[0]?.text ?? '',
      pieces: [...head, ...body],
      meta,
      language: parsed.lang || language,
    };
  } finally {
    dom.window.close();
  }
}

/**
 * The headline as the page states it: JSON-LD headline, og:title, or the <h1> of
 * the article. Readability's fallback, <title>, often carries the site's name.
 */
function pageHeadline(document: Document, jsonLd: string | undefined): string | undefined {
  const h1s = Array.from(document.querySelectorAll('h1'));
  const articleH1 =
    document.querySelector('article h1, main h1') ?? (h1s.length === 1 ? h1s[0] : null);
  for (const candidate of [jsonLd, metaContent(document, 'og:title'), articleH1?.textContent]) {
    const text = candidate ? collapseSpaces(candidate) : '';
    if (text !== '') return text;
  }
  return undefined;
}

function removeComments(document: Document): void {
  const walker = document.createTreeWalker(document, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const node of comments) node.parentNode?.removeChild(node);
}

function contentPieces(dom: JSDOM, content: string): HtmlExtraction['pieces'] {
  const container = dom.window.document.createElement('div');
  container.innerHTML = content;
  const pieces: HtmlExtraction['pieces'] = [];
  const elements = Array.from(container.querySelectorAll(BLOCK_SELECTOR)).filter(
    // Keep the innermost block: a <p> inside a <blockquote> or <li> is read once.
    (element) => element.querySelector(BLOCK_SELECTOR) === null,
  );
  for (const element of elements) {
    const text = collapseSpaces(element.textContent ?? '');
    if (text === '') continue;
    const tag = element.tagName.toLowerCase();
    const names = `${element.getAttribute('class') ?? ''}`;
    if (/^h[1-6]$/.test(tag)) {
      pieces.push({ text, hint: 'heading', evidence: `<${tag}> element` });
    } else if (tag === 'figcaption' || /caption/i.test(names)) {
      pieces.push({ text, hint: 'caption', evidence: 'figure caption element' });
    } else if (/credit/i.test(names)) {
      pieces.push({ text, hint: 'credit', evidence: 'credit element' });
    } else {
      pieces.push({ text });
    }
  }
  if (pieces.length === 0) {
    for (const line of (container.textContent ?? '').split(/\n+/)) {
      const text = collapseSpaces(line);
      if (text !== '') pieces.push({ text });
    }
  }
  return pieces;
}

function metaContent(document: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const element = document.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
    const value = element?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return undefined;
}

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** NewsArticle-like objects in the page's JSON-LD, including `@graph` members. */
function jsonLdArticles(document: Document): Record<string, JsonValue>[] {
  const found: Record<string, JsonValue>[] = [];
  const visit = (value: JsonValue): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const type = value['@type'];
    const types = Array.isArray(type) ? type : [type];
    if (types.some((t) => typeof t === 'string' && /Article|Report|BlogPosting/i.test(t))) {
      found.push(value);
    }
    const graph = value['@graph'];
    if (graph) visit(graph);
  };
  for (const script of Array.from(
    document.querySelectorAll('script[type="application/ld+json"]'),
  )) {
    try {
      visit(JSON.parse(script.textContent ?? '') as JsonValue);
    } catch {
      // Broken JSON-LD is common on real pages; the other metadata sources remain.
    }
  }
  return found;
}

function nameOf(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => Boolean(n));
    return names.length > 0 ? names.join(', ') : undefined;
  }
  if (value && typeof value === 'object') return nameOf(value.name);
  return undefined;
}

function pageMetadata(document: Document): ArticleMetadata & { extra?: { headline?: string } } {
  const meta: ArticleMetadata & { extra?: { headline?: string } } = { origin: {} };
  const set = (
    field: 'outlet' | 'byline' | 'published' | 'url',
    value: unknown,
    origin: string,
  ) => {
    if (typeof value === 'string' && value.trim() !== '' && meta[field] === undefined) {
      meta[field] = collapseSpaces(value);
      meta.origin = { ...meta.origin, [field]: origin };
    }
  };
  set('outlet', metaContent(document, 'og:site_name'), 'meta:og:site_name');
  set('published', metaContent(document, 'article:published_time'), 'meta:article:published_time');
  set('byline', metaContent(document, 'author', 'article:author'), 'meta:author');
  set('url', metaContent(document, 'og:url'), 'meta:og:url');
  for (const article of jsonLdArticles(document)) {
    set('outlet', nameOf(article.publisher), 'json-ld');
    set('published', article.datePublished, 'json-ld');
    set('byline', nameOf(article.author), 'json-ld');
    set('url', article.url, 'json-ld');
    if (typeof article.headline === 'string') meta.extra = { headline: article.headline };
  }
  set('published', metaContent(document, 'date', 'dc.date', 'pubdate'), 'meta:date');
  set('published', document.querySelector('time[datetime]')?.getAttribute('datetime'), 'html:time');
  set(
    'url',
    document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    'html:canonical',
  );
  return meta;
}
