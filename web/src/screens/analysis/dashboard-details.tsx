import { Link } from 'react-router';
import type { Proportion } from '../../../../src/core/statistics/index.js';
import { Card } from '../../app/ui/card.js';
import type { AnalysisResult } from './disclosure.js';
import { gapsModel } from './gaps-model.js';
import { robustnessModel } from './robustness-model.js';
import { solutionsModel } from './solutions-model.js';
import { Shown, WithheldNote } from './withheld-note.js';

const percent = (p: Proportion) =>
  `${(p.p * 100).toFixed(1)} % (95% CI ${(p.ci95[0] * 100).toFixed(1)}–${(p.ci95[1] * 100).toFixed(1)})`;

function SolutionsCard({ result, workspace }: { result: AnalysisResult; workspace: string }) {
  const model = solutionsModel(result, workspace);
  const issues = model.rows.find((r) => r.outcome.disclosed);
  const cells = issues?.outcome.disclosed ? issues.outcome.value : [];
  return (
    <Card title="Bargaining solutions">
      {model.of && <p>The zone is empty: these are the solutions of {model.of}.</p>}
      {model.note && <p className="withheld-note">{model.note}</p>}
      {model.rows.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption className="muted">
              Utility of each party at each solution
              {cells.length > 0 ? ', and its outcome (issues where they differ marked)' : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Solution</th>
                {model.parties.map((p) => (
                  <th key={p.id} scope="col">
                    {p.name}
                  </th>
                ))}
                {cells.length > 0 && <th scope="col">Builder</th>}
              </tr>
            </thead>
            <tbody>
              {model.rows.map((row) => (
                <tr key={row.concept}>
                  <th scope="row">{row.name}</th>
                  {row.utilities.map((u, k) => (
                    <td key={model.parties[k]?.id ?? k}>{u === undefined ? row.status : u.toFixed(1)}</td>
                  ))}
                  {cells.length > 0 && (
                    <td>{row.href ? <Link to={row.href}>Open {row.name}</Link> : row.status}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cells.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption className="muted">Outcomes of the solutions, by option label</caption>
            <thead>
              <tr>
                <th scope="col">Issue</th>
                {model.rows.map((r) => (
                  <th key={r.concept} scope="col">
                    {r.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cells.map((cell, k) => (
                <tr key={cell.issue}>
                  <th scope="row">{cell.title}</th>
                  {model.rows.map((r) => {
                    const c = r.outcome.disclosed ? r.outcome.value[k] : undefined;
                    return (
                      <td key={r.concept} className={c?.differs ? 'differs' : undefined}>
                        {c?.label ?? '—'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function RobustnessCard({ result }: { result: AnalysisResult }) {
  const model = robustnessModel(result);
  return (
    <Card title="Robustness">
      {!model.run ? (
        <p>{model.note}</p>
      ) : (
        <>
          <p className="muted">
            {model.caveat}
            {model.samples ? ` ${model.samples} draws of the estimates, seed ${model.seed}.` : ''}
          </p>
          <div className="table-scroll">
            <table className="table">
              <caption className="muted">Probability that every signatory accepts each package</caption>
              <thead>
                <tr>
                  <th scope="col">Package</th>
                  <th scope="col">Worst completion</th>
                  <th scope="col">Typical completion</th>
                  {model.rows.some((r) => r.own !== undefined) && <th scope="col">Your party accepts</th>}
                </tr>
              </thead>
              <tbody>
                {model.rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">{row.label}</th>
                    <td>
                      <Shown part={row.worst} inline>
                        {percent}
                      </Shown>
                    </td>
                    <td>
                      <Shown part={row.typical} inline>
                        {percent}
                      </Shown>
                    </td>
                    {row.own !== undefined && <td>{(row.own * 100).toFixed(1)} %</td>}
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

function GapsCard({ result }: { result: AnalysisResult }) {
  const gaps = gapsModel(result);
  return (
    <Card title="Gaps between the parties, by issue">
      <Shown part={gaps}>
        {(rows) =>
          rows.length === 0 ? (
            <p>No issue separates the parties.</p>
          ) : (
            <div className="table-scroll">
              <table className="table">
                <caption className="muted">
                  Gap: utility points each pair forgoes if each took the other’s favourite, summed over pairs
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Issue</th>
                    <th scope="col">Gap</th>
                    <th scope="col">Favourites</th>
                    <th scope="col">Least costly settlement</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((g) => (
                    <tr key={g.issue}>
                      <th scope="row">{g.title}</th>
                      <td>{g.total.toFixed(1)}</td>
                      <td>
                        {g.favourites.map((f) => (
                          <div key={f.party}>
                            {f.party}: {f.options.join(' or ')}
                          </div>
                        ))}
                      </td>
                      <td>
                        {g.leastCostly.options.join(' or ')} (loss {g.leastCostly.loss.toFixed(1)})
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Shown>
    </Card>
  );
}

/** The details after the summary and the utility space: solutions, robustness, gaps. */
export function DashboardDetails({ result, workspace }: { result: AnalysisResult; workspace: string }) {
  return (
    <>
      <SolutionsCard result={result} workspace={workspace} />
      <RobustnessCard result={result} />
      <GapsCard result={result} />
      {!('viewer' in result) ? null : <WithheldNote note={`Also withheld: ${result.withheld.join('; ')}`} />}
    </>
  );
}
