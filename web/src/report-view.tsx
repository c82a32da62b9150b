/**
 * The views of one report: findings by kind, the articles side by side with the
 * selected finding's claims highlighted, entities, timeline, provenance graph,
 * diagnostics and downloads. Shared by the served web app and the
 * self-contained HTML report. Every string from the report is rendered as a
 * text node or attribute value by Preact, never as markup.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type {
  ArticleSummary,
  Diagnostic,
  Dossier,
  Finding,
  FindingClaim,
  Report,
} from '../../src/core/types.ts';
import { segmentText, type SpanOwner } from './highlight.ts';
import { KIND_LABEL, KIND_ORDER } from './kinds.ts';
import { ProvenanceGraph } from './graph.tsx';

export interface Download {
  label: string;
  filename: string;
  fetch: () => Promise<Blob>;
}

export function ReportView(props: { report: Report; downloads: Download[] }): JSX.Element {
  const { report, downloads } = props;
  const [storyIndex, setStoryIndex] = useState(0);
  const story = report.stories[storyIndex] ?? report.stories[0];
  return (
    <div class="report">
      <div class="report-bar">
        {report.stories.length > 1 ? (
          <label class="story-pick">
            Story{' '}
            <select
              value={String(storyIndex)}
              onChange={(e) => setStoryIndex(Number(e.currentTarget.value))}
            >
              {report.stories.map((s, i) => (
                <option key={s.id} value={String(i)}>
                  {s.title || s.id}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <Downloads downloads={downloads} />
      </div>
      {report.diagnostics.length > 0 ? (
        <Diagnostics title="Inputs" diagnostics={report.diagnostics} />
      ) : null}
      {story ? (
        <StoryView key={story.id} story={story} />
      ) : (
        <p class="empty">No story was found in these inputs.</p>
      )}
    </div>
  );
}

function Downloads(props: { downloads: Download[] }): JSX.Element {
  const [error, setError] = useState<string | null>(null);
  async function save(d: Download): Promise<void> {
    setError(null);
    try {
      const blob = await d.fetch();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = d.filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(`${d.label}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return (
    <div class="downloads" role="group" aria-label="Downloads">
      {props.downloads.map((d) => (
        <button type="button" key={d.label} data-download={d.label} onClick={() => void save(d)}>
          ⤓ {d.label}
        </button>
      ))}
      {error ? (
        <span class="error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

function outletOf(story: Dossier, articleId: string): string {
  const a = story.articles.find((x) => x.id === articleId);
  return a?.outlet || a?.title || articleId;
}

/** Findings sorted by kind in the order, keeping the report's order within a kind. */
function orderedFindings(story: Dossier): Finding[] {
  return KIND_ORDER.flatMap((kind) => story.findings.filter((f) => f.kind === kind));
}

function StoryView(props: { story: Dossier }): JSX.Element {
  const { story } = props;
  const ordered = useMemo(() => orderedFindings(story), [story]);
  const [selectedId, setSelectedId] = useState<string | null>(ordered[0]?.id ?? null);
  const selected = ordered.find((f) => f.id === selectedId) ?? null;
  return (
    <article class="story" aria-labelledby="story-title">
      <h2 id="story-title">{story.title || 'Untitled story'}</h2>
      <p class="story-meta">
        {story.articles.filter((a) => !a.replacedBy).length} articles · {story.findings.length}{' '}
        findings · {story.entities.length} entities
      </p>
      <div class="story-grid">
        <FindingsList
          findings={ordered}
          story={story}
          selectedId={selectedId}
          onSelect={setSelectedId}
        />
        <div class="story-main">
          {selected ? <FindingDetail finding={selected} story={story} /> : null}
          <Articles story={story} ordered={ordered} selected={selected} onSelect={setSelectedId} />
        </div>
      </div>
      <Entities story={story} />
      <Timeline story={story} />
      <section class="panel" aria-labelledby="provenance-title">
        <h3 id="provenance-title">Provenance</h3>
        <ProvenanceGraph provenance={story.provenance} />
      </section>
      {story.diagnostics.length > 0 ? (
        <Diagnostics title="Diagnostics" diagnostics={story.diagnostics} />
      ) : null}
    </article>
  );
}

function valuesLine(finding: Finding, story: Dossier): string {
  const parts = finding.claims
    .filter((c) => c.values && c.values.length > 0)
    .map(
      (c) => `${(c.values ?? []).map((v) => v.text).join(', ')} (${outletOf(story, c.articleId)})`,
    );
  return parts.join(' · ');
}

function FindingsList(props: {
  findings: Finding[];
  story: Dossier;
  selectedId: string | null;
  onSelect: (id: string) => void;
}): JSX.Element {
  const { findings, story, selectedId, onSelect } = props;
  const listRef = useRef<HTMLElement>(null);
  // Arrow keys move through the findings (and select), as in a list box.
  function onKeyDown(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const index = findings.findIndex((f) => f.id === selectedId);
    const next =
      findings[
        Math.max(0, Math.min(findings.length - 1, index + (e.key === 'ArrowDown' ? 1 : -1)))
      ];
    if (!next) return;
    e.preventDefault();
    onSelect(next.id);
    listRef.current
      ?.querySelector<HTMLButtonElement>(`button[data-finding-id="${CSS.escape(next.id)}"]`)
      ?.focus();
  }
  return (
    <nav class="findings" aria-label="Findings" ref={listRef} onKeyDown={onKeyDown}>
      {findings.length === 0 ? <p class="empty">No findings.</p> : null}
      {KIND_ORDER.map((kind) => {
        const group = findings.filter((f) => f.kind === kind);
        if (group.length === 0) return null;
        return (
          <section key={kind} class={`group kind-${kind}`} data-kind={kind}>
            <h3>
              {KIND_LABEL[kind]} <span class="count">{group.length}</span>
            </h3>
            <ul>
              {group.map((f) => {
                const values = valuesLine(f, story);
                return (
                  <li key={f.id}>
                    <button
                      type="button"
                      class={`finding kind-${f.kind}${f.id === selectedId ? ' selected' : ''}`}
                      data-finding-id={f.id}
                      aria-pressed={f.id === selectedId}
                      onClick={() => onSelect(f.id)}
                    >
                      <span class="summary">{f.summary}</span>
                      {values ? <span class="values">{values}</span> : null}
                      <span class="independence">
                        {f.independentSources} independent source
                        {f.independentSources === 1 ? '' : 's'}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}

function chainText(claim: FindingClaim, story: Dossier): string {
  const chain = claim.attribution?.chain ?? [];
  return chain.length > 0 ? chain.join(' → ') : outletOf(story, claim.articleId);
}

function FindingDetail(props: { finding: Finding; story: Dossier }): JSX.Element {
  const { finding, story } = props;
  return (
    <section
      class={`detail kind-${finding.kind}`}
      aria-live="polite"
      data-selected-finding={finding.id}
    >
      <p class="detail-kind">{KIND_LABEL[finding.kind]}</p>
      <h3 class="detail-summary">{finding.summary}</h3>
      <table class="claims">
        <thead>
          <tr>
            <th scope="col">Outlet</th>
            <th scope="col">Value</th>
            <th scope="col">Attribution</th>
          </tr>
        </thead>
        <tbody>
          {finding.claims.map((c, i) => (
            <tr key={`${c.articleId}-${i}`} data-claim-article={c.articleId}>
              <td>{outletOf(story, c.articleId)}</td>
              <td class="value">
                {c.values && c.values.length > 0 ? c.values.map((v) => v.text).join(', ') : '—'}
              </td>
              <td class="chain">
                {chainText(c, story)}
                {c.modality && c.modality !== 'asserted' ? (
                  <span class="modality"> ({c.modality})</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="independence">
        <strong>{finding.independentSources}</strong> independent source
        {finding.independentSources === 1 ? '' : 's'}
        {finding.upstream.length > 0 ? ` · upstream: ${finding.upstream.join(', ')}` : ''}
      </p>
      {finding.slots ? (
        <p class="slots">
          Matched: {finding.slots.matched.join(', ') || '—'} · Differed:{' '}
          {finding.slots.differed.join(', ') || '—'}
        </p>
      ) : null}
      {finding.evidence.length > 0 ? (
        <ul class="evidence">
          {finding.evidence.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function Articles(props: {
  story: Dossier;
  ordered: Finding[];
  selected: Finding | null;
  onSelect: (id: string) => void;
}): JSX.Element {
  const { story, ordered, selected, onSelect } = props;
  return (
    <div class="articles" style={{ '--columns': String(Math.min(story.articles.length, 3)) }}>
      {story.articles.map((a) => (
        <ArticlePane
          key={a.id}
          article={a}
          ordered={ordered}
          selected={selected}
          onSelect={onSelect}
          story={story}
        />
      ))}
    </div>
  );
}

function safeHref(url: string | undefined): string | undefined {
  // Only web links are made clickable; anything else (javascript:, data:) is shown as text.
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

function ArticlePane(props: {
  article: ArticleSummary;
  ordered: Finding[];
  selected: Finding | null;
  onSelect: (id: string) => void;
  story: Dossier;
}): JSX.Element {
  const { article, ordered, selected, onSelect } = props;
  const bodyRef = useRef<HTMLDivElement>(null);
  const owners = useMemo<SpanOwner[]>(
    () =>
      ordered.flatMap((f) =>
        f.claims
          .filter((c) => c.articleId === article.id)
          .map((c) => ({ span: c.span, findingId: f.id })),
      ),
    [ordered, article.id],
  );
  const segments = useMemo(() => segmentText(article.text.length, owners), [article.text, owners]);
  const chains = selected
    ? selected.claims
        .filter((c) => c.articleId === article.id)
        .map((c) => chainText(c, props.story))
    : [];

  useEffect(() => {
    const mark = bodyRef.current?.querySelector('mark');
    // Bring the highlighted claim into view inside this pane only, not the page.
    if (mark && bodyRef.current) {
      const pane = bodyRef.current;
      const top = mark.offsetTop - pane.offsetTop;
      if (top < pane.scrollTop || top > pane.scrollTop + pane.clientHeight - 40)
        pane.scrollTop = Math.max(0, top - 40);
    }
  }, [selected?.id]);

  function choose(findingIds: string[]): void {
    // A sentence may back several findings: clicking again cycles through them.
    const current = selected ? findingIds.indexOf(selected.id) : -1;
    const next = findingIds[(current + 1) % findingIds.length];
    if (next) onSelect(next);
  }

  const href = safeHref(article.url);
  return (
    <section
      class="article"
      data-article-id={article.id}
      aria-label={`Article: ${article.outlet ?? article.title}`}
    >
      <header>
        <p class="outlet">
          {article.outlet || 'Unknown outlet'}
          {article.replacedBy ? ' · earlier version, since revised' : ''}
        </p>
        <h4 class="title">{article.title}</h4>
        <p class="meta">
          {article.published ? (
            <time dateTime={article.published}>
              {article.published.slice(0, 16).replace('T', ' ')}
            </time>
          ) : (
            'undated'
          )}
          {article.byline ? ` · ${article.byline}` : ''}
          {article.url ? ' · ' : ''}
          {href ? (
            <a href={href} rel="noopener noreferrer nofollow" target="_blank">
              source
            </a>
          ) : article.url ? (
            <span class="url">{article.url}</span>
          ) : null}
        </p>
        {chains.length > 0 ? <p class="chain">Attribution: {chains.join('; ')}</p> : null}
      </header>
      <div class="article-text" ref={bodyRef}>
        {segments.map((s) => {
          const text = article.text.slice(s.start, s.end);
          if (s.findingIds.length === 0) return text;
          const isSelected = selected !== null && s.findingIds.includes(selected.id);
          const kind = ordered.find((f) => f.id === s.findingIds[0])?.kind ?? 'unique';
          const Tag = isSelected ? 'mark' : 'span';
          return (
            <Tag
              key={s.start}
              class={`claim kind-${kind}${isSelected ? ' selected' : ''}`}
              data-findings={s.findingIds.join(' ')}
              role="button"
              tabIndex={0}
              title="Select this claim's finding"
              onClick={() => choose(s.findingIds)}
              onKeyDown={(e: KeyboardEvent) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  choose(s.findingIds);
                }
              }}
            >
              {text}
            </Tag>
          );
        })}
      </div>
    </section>
  );
}

function Entities(props: { story: Dossier }): JSX.Element {
  const { story } = props;
  return (
    <section class="panel" aria-labelledby="entities-title">
      <h3 id="entities-title">Entities</h3>
      {story.entities.length === 0 ? <p class="empty">No entities.</p> : null}
      <div class="table-wrap">
        <table class="entities">
          <thead>
            <tr>
              <th scope="col">Entity</th>
              <th scope="col">Variants</th>
              <th scope="col">Where it appears</th>
            </tr>
          </thead>
          <tbody>
            {story.entities.map((e) => {
              const perArticle = story.articles
                .map((a) => ({
                  outlet: a.outlet || a.title,
                  variants: [
                    ...new Set(e.mentions.filter((m) => m.articleId === a.id).map((m) => m.text)),
                  ],
                  count: e.mentions.filter((m) => m.articleId === a.id).length,
                }))
                .filter((x) => x.count > 0);
              return (
                <tr key={e.id} data-entity-id={e.id}>
                  <td>
                    <strong>{e.name}</strong> <span class="type">{e.type}</span>
                    {e.evidence.length > 0 ? (
                      <span class="why">{e.evidence.join('; ')}</span>
                    ) : null}
                  </td>
                  <td>
                    {e.variants.map((v) => (
                      <span class="chip" key={v}>
                        {v}
                      </span>
                    ))}
                  </td>
                  <td>
                    {perArticle.map((p) => (
                      <span class="appears" key={p.outlet}>
                        {p.outlet}: {p.variants.join(', ')} ×{p.count}
                      </span>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Timeline(props: { story: Dossier }): JSX.Element {
  const { story } = props;
  const events = [...story.timeline].sort((a, b) =>
    a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1,
  );
  return (
    <section class="panel" aria-labelledby="timeline-title">
      <h3 id="timeline-title">Timeline</h3>
      {events.length === 0 ? <p class="empty">No dated events.</p> : null}
      <ol class="timeline">
        {events.map((t, i) => (
          <li key={i}>
            <span class="date">{t.date ?? 'undated'}</span>{' '}
            <span class={`certainty ${t.certainty}`}>{t.certainty}</span>
            <p>{t.summary}</p>
            <ul>
              {t.claims.map((c, j) => (
                <li key={j}>
                  <span class="outlet">{outletOf(story, c.articleId)}:</span> {c.text}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Diagnostics(props: { title: string; diagnostics: Diagnostic[] }): JSX.Element {
  return (
    <section class="panel diagnostics" aria-label={props.title}>
      <h3>{props.title}</h3>
      <ul>
        {props.diagnostics.map((d, i) => (
          <li key={i} class={`severity-${d.severity}`}>
            <span class="severity">{d.severity}</span> {d.source ? `${d.source}: ` : ''}
            {d.message}{' '}
            <span class="rule">
              [{d.stage}/{d.ruleId}]
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
