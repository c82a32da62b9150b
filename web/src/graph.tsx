/**
 * The provenance graph drawn as SVG. Coordinates come from dagre's layered
 * layout (outlets on the left, their sources to the right), never hand-placed.
 */
import { Graph, layout } from '@dagrejs/dagre';
import { useMemo } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Dossier, ProvenanceEdgeKind } from '../../src/core/types.ts';

type Provenance = Dossier['provenance'];

const NODE_HEIGHT = 34;
// Width estimate from the label length: the layout runs before anything is
// measured, and a monospace-free estimate is close enough for a box.
const charWidth = 7.2;

interface Placed {
  nodes: {
    id: string;
    kind: string;
    label: string;
    x: number;
    y: number;
    width: number;
    height: number;
  }[];
  edges: {
    key: string;
    kind: ProvenanceEdgeKind;
    path: string;
    labelX: number;
    labelY: number;
    title: string;
  }[];
  width: number;
  height: number;
}

interface Point {
  x: number;
  y: number;
}
interface EdgeRef {
  v: string;
  w: string;
  name?: string;
}
/**
 * The part of dagre's graph API used here. dagre's own declarations re-export
 * graphlib's through a path the linter's type service does not resolve, which
 * would make every call `any`; this keeps the calls checked.
 */
interface LayoutGraph {
  setGraph(label: Record<string, unknown>): void;
  setDefaultEdgeLabel(make: () => Record<string, unknown>): void;
  setNode(id: string, label: { label: string; width: number; height: number }): void;
  setEdge(from: string, to: string, label: Record<string, unknown>, name: string): void;
  node(id: string): Point & { width: number; height: number; label: string };
  edges(): EdgeRef[];
  edge(ref: EdgeRef): { points?: Point[]; x?: number; y?: number };
  graph(): { width?: number; height?: number };
}

export function placeGraph(provenance: Provenance): Placed {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-call -- see LayoutGraph
  const g = new Graph({ multigraph: true }) as unknown as LayoutGraph;
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 70, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  const known = new Set<string>();
  for (const n of provenance.nodes) {
    known.add(n.id);
    const label = n.label.length > 40 ? `${n.label.slice(0, 39)}…` : n.label;
    g.setNode(n.id, {
      label,
      width: Math.max(60, label.length * charWidth + 24),
      height: NODE_HEIGHT,
    });
  }
  provenance.edges.forEach((e, i) => {
    // An edge to a node the report does not list is skipped rather than invented.
    if (!known.has(e.from) || !known.has(e.to)) return;
    g.setEdge(e.from, e.to, { width: 50, height: 14, labelpos: 'c' }, `${e.kind}-${i}`);
  });
  // eslint-disable-next-line @typescript-eslint/no-unsafe-call -- see LayoutGraph
  layout(g);
  const nodes = provenance.nodes.map((n) => {
    const placed = g.node(n.id);
    return {
      id: n.id,
      kind: n.kind,
      label: placed.label,
      x: placed.x,
      y: placed.y,
      width: placed.width,
      height: placed.height,
    };
  });
  const edges = g.edges().map((ref) => {
    const data = g.edge(ref);
    const points = data.points ?? [];
    const path = points
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
      .join(' ');
    const index = Number(String(ref.name).split('-').pop());
    const source = provenance.edges[index];
    const mid = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
    return {
      key: String(ref.name),
      kind: source?.kind ?? 'cites',
      path,
      labelX: data.x ?? mid.x,
      labelY: data.y ?? mid.y,
      title: `${ref.v} ${source?.kind ?? ''} ${ref.w}${source?.evidence.length ? `: ${source.evidence.join('; ')}` : ''}`,
    };
  });
  const graph = g.graph();
  return { nodes, edges, width: graph.width ?? 0, height: graph.height ?? 0 };
}

const EDGE_KINDS: ProvenanceEdgeKind[] = ['publishes', 'cites', 'quotes', 'copies'];

export function ProvenanceGraph(props: { provenance: Provenance }): JSX.Element {
  const { provenance } = props;
  const placed = useMemo(() => placeGraph(provenance), [provenance]);
  if (provenance.nodes.length === 0) return <p class="empty">No provenance recorded.</p>;
  const labelOf = (id: string): string => provenance.nodes.find((n) => n.id === id)?.label ?? id;
  return (
    <div class="graph">
      <ul class="legend" aria-hidden="true">
        {EDGE_KINDS.filter((k) => provenance.edges.some((e) => e.kind === k)).map((k) => (
          <li key={k}>
            <svg width="34" height="10">
              <line x1="0" y1="5" x2="34" y2="5" class={`edge ${k}`} />
            </svg>
            {k}
          </li>
        ))}
      </ul>
      <div class="graph-scroll">
        <svg
          class="provenance"
          role="img"
          aria-label="Provenance graph: who cites, quotes or copies whom"
          width={placed.width}
          height={placed.height}
          viewBox={`0 0 ${placed.width} ${placed.height}`}
        >
          <defs>
            {EDGE_KINDS.map((k) => (
              <marker
                key={k}
                id={`arrow-${k}`}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path d="M0,0 L10,5 L0,10 z" class={`arrowhead ${k}`} />
              </marker>
            ))}
          </defs>
          {placed.edges.map((e) => (
            <g key={e.key} class="edge-group" data-edge-kind={e.kind}>
              <title>{e.title}</title>
              <path d={e.path} class={`edge ${e.kind}`} marker-end={`url(#arrow-${e.kind})`} />
              <text x={e.labelX} y={e.labelY + 4} class="edge-label" text-anchor="middle">
                {e.kind}
              </text>
            </g>
          ))}
          {placed.nodes.map((n) => (
            <g key={n.id} class={`node ${n.kind}`} data-node-id={n.id}>
              <rect
                x={n.x - n.width / 2}
                y={n.y - n.height / 2}
                width={n.width}
                height={n.height}
                rx={n.kind === 'source' || n.kind === 'intermediary' ? 17 : 4}
              />
              <text x={n.x} y={n.y + 4} text-anchor="middle">
                {n.label}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <details class="edges-list">
        <summary>Edges as a list</summary>
        <ul>
          {provenance.edges.map((e, i) => (
            <li key={i}>
              {labelOf(e.from)} <em>{e.kind}</em> {labelOf(e.to)}
              {e.evidence.length > 0 ? ` — ${e.evidence.join('; ')}` : ''}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
