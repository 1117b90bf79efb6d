import type { StabilityResult } from '../../../app/stability.js';
import { CONCEPT_LABELS } from '../../text/stability-narration.js';
import { escapeHtml } from '../html.js';
import { SECTION_STYLE } from './section-style.js';

const COLUMNS = 8;
const CELL = 78;
const RADIUS = 17;
const MOVER_COLOURS = ['#2f6db5', '#b3261e', '#1e7b3c', '#8a5a00', '#6b3fa0', '#00838f'];

/** Fill of a state by the strongest concept under which it is an equilibrium. */
function fillOf(result: StabilityResult, state: number): string {
  const eq = result.individual.equilibria;
  if (eq.nash.includes(state)) return '#1f4e8c';
  if (eq.seq.includes(state)) return '#5b8fd1';
  if (eq.gmr.includes(state)) return '#c9daf2';
  return '#ffffff';
}

/**
 * The state graph: every state in a grid (read left to right, top to bottom by number), shaded by equilibrium,
 * the status quo ringed, and the moves of the shortest paths from the status quo drawn as arrows in the mover's
 * colour. Renders the result only.
 */
function stateGraph(result: StabilityResult): string {
  const n = result.states.length;
  const rows = Math.ceil(n / COLUMNS);
  const at = (state: number) => ({
    x: CELL / 2 + ((state - 1) % COLUMNS) * CELL,
    y: CELL / 2 + Math.floor((state - 1) / COLUMNS) * CELL,
  });
  const edges = new Map<string, { from: number; to: number; mover: number }>();
  for (const r of result.statusQuo?.reachable ?? []) {
    for (const step of r.path) edges.set(`${step.from}-${step.to}`, step);
  }
  const arrows = [...edges.values()].map(({ from, to, mover }) => {
    const a = at(from);
    const b = at(to);
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const ux = (b.x - a.x) / length;
    const uy = (b.y - a.y) / length;
    const colour = MOVER_COLOURS[mover % MOVER_COLOURS.length];
    return `<line x1="${a.x + ux * RADIUS}" y1="${a.y + uy * RADIUS}" x2="${b.x - ux * (RADIUS + 4)}" y2="${b.y - uy * (RADIUS + 4)}" stroke="${colour}" stroke-width="2" marker-end="url(#st-arrow-${mover % MOVER_COLOURS.length})"/>`;
  });
  const markers = MOVER_COLOURS.map(
    (c, k) =>
      `<marker id="st-arrow-${k}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0L10,5L0,10z" fill="${c}"/></marker>`,
  ).join('');
  const nodes = result.states.map((s) => {
    const { x, y } = at(s.number);
    const fill = fillOf(result, s.number);
    const dark = fill === '#1f4e8c' || fill === '#5b8fd1';
    const ring =
      result.statusQuo?.state === s.number
        ? ' stroke="#d08a00" stroke-width="4"'
        : ' stroke="#555" stroke-width="1"';
    return `<g><title>state ${s.number}: ${escapeHtml(s.vector)}</title><circle cx="${x}" cy="${y}" r="${RADIUS}" fill="${fill}"${ring}/><text x="${x}" y="${y + 4}" text-anchor="middle" font-size="12" fill="${dark ? '#fff' : '#222'}">${s.number}</text><text x="${x}" y="${y + RADIUS + 12}" text-anchor="middle" font-size="12" fill="#595959">${escapeHtml(s.vector)}</text></g>`;
  });
  const width = Math.min(n, COLUMNS) * CELL;
  const height = rows * CELL;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="state graph"><defs>${markers}</defs>${arrows.join('')}${nodes.join('')}</svg>`;
}

/** The stability section of a report: equilibria per concept, the state graph and the paths from the status quo. */
export function stabilitySection(result: StabilityResult): string {
  const players = result.individual.players;
  const options = result.options.map((o) => escapeHtml(o.name)).join(', ');
  const rows = result.concepts
    .map(
      (c) =>
        `<tr><td>${escapeHtml(CONCEPT_LABELS[c])}</td><td>${result.individual.equilibria[c].join(', ') || 'none'}</td></tr>`,
    )
    .join('');
  const legend = players
    .map(
      (p, k) =>
        `<span style="color:${MOVER_COLOURS[k % MOVER_COLOURS.length]}">■</span> ${escapeHtml(p.name)}`,
    )
    .join(' &nbsp; ');
  const paths = result.statusQuo
    ? `<p>From the status quo (state ${result.statusQuo.state}) by unilateral improvements, no one moving twice in a row, the conflict can reach ${result.statusQuo.reachable.length - 1} other state(s); reachable Nash equilibria: ${result.statusQuo.reachableEquilibria.nash.join(', ') || 'none'}.</p>`
    : '';
  return `${SECTION_STYLE}<div class="pv-section">
<p>${escapeHtml(result.title ?? 'Conflict')}: ${result.states.length} feasible states, ${players.length} decision makers. A state is written as Y/N over the options ${options}. Sanctioning sequences: ${escapeHtml(result.sequenceRule)}. Preferences are analysts' estimates; the stability results are exact for them.</p>
<table class="pv-table" tabindex="0"><thead><tr><th>concept</th><th>equilibria (states stable for every decision maker)</th></tr></thead><tbody>${rows}</tbody></table>
${paths}
<figure class="pv-chart"><div class="chart-scroll" tabindex="0">${stateGraph(result)}</div><figcaption>States shaded by the strongest concept under which they are equilibria (dark: Nash; medium: SEQ; light: GMR); the status quo is ringed; arrows are the moves of the shortest paths from the status quo, coloured by mover: ${legend}.</figcaption></figure>
</div>`;
}
