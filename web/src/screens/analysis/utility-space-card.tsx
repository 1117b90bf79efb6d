import { useMemo, useState } from 'react';
import { Card } from '../../app/ui/card.js';
import { dashboardCharts } from './chart-model.js';
import { type AnalysisResult, isFullReport, WITHHELD } from './disclosure.js';
import { type FrontierRow, frontierModel, rowAt } from './frontier-model.js';
import { type ChartPoint, LiveChart } from './live-chart.js';
import type { OutcomeCell } from './outcome-labels.js';
import { solutionsModel } from './solutions-model.js';
import { WithheldNote } from './withheld-note.js';

/** Rows of the frontier table shown before "show all" (the count shown is always stated). */
const FIRST_ROWS = 25;

const outcomeText = (cells: OutcomeCell[]) => cells.map((c) => `${c.title}: ${c.label}`).join('\n');

/**
 * The linked utility space: the chart layer's charts mounted live (two parties: the GENIUS view; more: parallel
 * coordinates, the projection matrix and a chosen pair), hover shows the outcome, a click opens it in the
 * builder, brushing the parallel axes filters the table of frontier outcomes.
 */
export function UtilitySpaceCard({
  result,
  workspace,
  onPick,
}: {
  result: AnalysisResult;
  workspace: string;
  onPick: (href: string) => void;
}) {
  const [pair, setPair] = useState<[number, number]>([0, 1]);
  const [brushed, setBrushed] = useState<number[][] | undefined>(undefined);
  const [showAll, setShowAll] = useState(false);
  const full = isFullReport(result) ? result : undefined;
  const drawn = useMemo(() => (full ? dashboardCharts(full, pair) : undefined), [full, pair]);
  const frontier = useMemo(() => frontierModel(result, workspace), [result, workspace]);
  const solutions = useMemo(() => solutionsModel(result, workspace), [result, workspace]);

  if (!full) {
    return (
      <Card title="Utility space">
        <WithheldNote note={`The utility space (frontier, other parties’ utilities) is ${WITHHELD}`} />
      </Card>
    );
  }
  const rows = frontier.listed ? frontier.rows : [];
  const marked = solutions.rows.flatMap((r) =>
    r.href && r.outcome.disclosed
      ? [{ utilities: r.utilities, href: r.href, name: r.name, outcome: r.outcome.value }]
      : [],
  );
  const parties = drawn?.input.parties ?? [];
  // Points come back in chart-party order; frontier rows and solutions are in the same order.
  const found = (point: ChartPoint): { href: string; text: string } | undefined => {
    const row = rowAt<FrontierRow>(rows, point.values);
    if (row) return { href: row.href, text: outcomeText(row.outcome) };
    const solution = rowAt(marked, point.values);
    if (solution) return { href: solution.href, text: `${solution.name}\n${outcomeText(solution.outcome)}` };
    return undefined;
  };
  const filtered = brushed
    ? rows.filter((r) =>
        rowAt(
          brushed.map((u) => ({ utilities: u })),
          r.utilities,
        ),
      )
    : rows;
  const visible = showAll ? filtered : filtered.slice(0, FIRST_ROWS);

  return (
    <Card title="Utility space">
      {!drawn && <p>No utility chart: fewer than two parties are charted.</p>}
      {drawn && parties.length > 2 && (
        <div className="pair-choice">
          {(['First', 'Second'] as const).map((which, k) => (
            <label key={which} className="field">
              <span>{which} party of the 2-D projection</span>
              <select
                value={pair[k]}
                onChange={(event) => {
                  const next: [number, number] = [...pair];
                  next[k] = Number(event.target.value);
                  if (next[0] !== next[1]) setPair(next);
                }}
              >
                {parties.map((p, index) => (
                  <option key={p.id} value={index}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      )}
      {drawn?.charts.map((spec) => (
        <figure key={spec.id} className="chart-figure">
          <LiveChart
            spec={spec}
            describe={(point) => found(point)?.text}
            onPick={(point) => {
              const hit = found(point);
              if (hit) onPick(hit.href);
            }}
            {...(spec.id === 'parallel-frontier' ? { onBrush: setBrushed } : {})}
          />
          <figcaption className="muted">
            Hover a point for its outcome; click a frontier point or a solution to open it in the package
            builder
            {spec.id === 'parallel-frontier' && frontier.listed
              ? '; drag along an axis to filter the table below'
              : ''}
            .
          </figcaption>
        </figure>
      ))}
      <h3>Frontier outcomes</h3>
      {!frontier.listed ? (
        <p>{frontier.note}</p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {frontier.note} Showing {visible.length} of {filtered.length}
            {brushed ? ` selected by brushing (of ${rows.length})` : ''}.{' '}
            {brushed && (
              <button type="button" className="btn btn-secondary" onClick={() => setBrushed(undefined)}>
                Clear the selection
              </button>
            )}
            {!showAll && filtered.length > visible.length && (
              <button type="button" className="btn btn-secondary" onClick={() => setShowAll(true)}>
                Show all {filtered.length}
              </button>
            )}
          </p>
          <div className="table-scroll">
            <table className="table">
              <caption className="muted">Pareto-optimal outcomes: utilities and options</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  {frontier.parties.map((p) => (
                    <th key={p.id} scope="col">
                      {p.name}
                    </th>
                  ))}
                  <th scope="col">Outcome</th>
                  <th scope="col">Builder</th>
                </tr>
              </thead>
              <tbody>
                {visible.map((row) => (
                  <tr key={row.index}>
                    <td>{row.index + 1}</td>
                    {row.utilities.map((u, k) => (
                      <td key={frontier.parties[k].id}>{u.toFixed(1)}</td>
                    ))}
                    <td>{row.outcome.map((c) => c.label).join(' · ')}</td>
                    <td>
                      <a
                        href={row.href}
                        onClick={(e) => {
                          e.preventDefault();
                          onPick(row.href);
                        }}
                      >
                        Open #{row.index + 1}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Card>
  );
}
