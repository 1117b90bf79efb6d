import type { Issue } from '../../../../src/schema/scenario.js';
import { NumberInput } from './number-input.js';
import type { WeightRow } from './preferences-form.js';
import type { FieldProblem } from './validate-preferences.js';
import { shareText, weightShares } from './weight-shares.js';

/**
 * Weights with their shares: the bar shows each weight as a part of the whole, since only the ratios matter
 * (doubling every weight changes nothing).
 */
export function WeightsSection({
  rows,
  issues,
  problems,
  onChange,
}: {
  rows: WeightRow[];
  issues: readonly Issue[];
  problems: readonly FieldProblem[];
  onChange: (rows: WeightRow[]) => void;
}) {
  const shares = weightShares(rows);
  const title = (id: string) => issues.find((i) => i.id === id)?.title ?? id;
  return (
    <>
      <p className="hint">
        Weights are relative: only their ratios matter, and the analyses use each weight's share of the sum
        (shown in %). A blank weight is 0.
      </p>
      <div className="share-bar" role="img" aria-label="Each issue's share of the total weight">
        {shares.map((s, k) =>
          s.percent ? (
            <span
              key={s.issue}
              className={`share share-${k % 6}`}
              style={{ width: `${s.percent}%` }}
              title={`${title(s.issue)}: ${shareText(s.percent)}`}
            />
          ) : null,
        )}
      </div>
      <ul className="rows">
        {rows.map((row, k) => (
          <li key={row.issue} className="row">
            <div className="row-head">
              <span className="row-title">{title(row.issue)}</span>
              <span className="share-text">
                <span className="visually-hidden">share: </span>
                {shareText(shares[k].percent)}
              </span>
            </div>
            <NumberInput
              label={`Weight of ${title(row.issue)}`}
              path={`weights.${row.issue}`}
              field={row.weight}
              problems={problems}
              onChange={(weight) => onChange(rows.map((r, j) => (j === k ? { ...r, weight } : r)))}
            />
          </li>
        ))}
      </ul>
    </>
  );
}
