import { stringify } from 'yaml';
import type { Scenario } from '../../schema/scenario.js';
import { exportModel, fileStems } from './export-model.js';
import { type ExportedFile, type ExportResult, newReport } from './interop-report.js';

/**
 * A Parley scenario as a NegMAS outcome space and LinearAdditiveUtilityFunction profiles (YAML).
 *
 * NegMAS's utility is sum_i w_i * f_i(x_i) with no range restriction, so weights are the normalised Parley
 * weights, every issue gets a TableFun with value / 100 per option or grid point (exact for any value
 * function), and reserved_value = BATNA / 100. Option issues are CategoricalIssue, consecutive-integer grids
 * ContiguousIssue [min, max], other grids DiscreteCardinalIssue. Adjustments and red lines are reported as
 * lost. Strings are quoted the YAML 1.1 way, as NegMAS's PyYAML reads "No" or "yes" as booleans otherwise.
 */
export function writeNegmas(scenario: Scenario): ExportResult {
  const report = newReport('negmas');
  const model = exportModel(scenario, report);
  const stems = fileStems(model);
  const files: ExportedFile[] = [];
  const write = (stem: string, value: unknown) => {
    files.push({ path: `${stem}.yml`, text: stringify(value, { compat: 'yaml-1.1' }) });
  };
  write(stems.domain, {
    name: model.title,
    type: 'DiscreteCartesianOutcomeSpace',
    issues: model.issues.map((issue) => {
      if (issue.kind === 'options')
        return { name: issue.name, type: 'CategoricalIssue', values: issue.labels };
      if (issue.integerGrid) {
        return {
          name: issue.name,
          type: 'ContiguousIssue',
          values: [issue.grid[0], issue.grid[issue.grid.length - 1]],
        };
      }
      return { name: issue.name, type: 'DiscreteCardinalIssue', values: issue.grid };
    }),
  });
  model.parties.forEach((party, k) => {
    const values = model.issues.map((issue, i) => {
      const keys: Array<string | number> = issue.kind === 'options' ? issue.labels : issue.grid;
      // A Map keeps numeric keys numeric in the YAML, which is how NegMAS looks grid values up.
      return { type: 'TableFun', mapping: new Map(keys.map((key, j) => [key, party.values[i][j] / 100])) };
    });
    if (party.adjustments.length > 0) {
      report.losses.push(
        `${party.id}: ${party.adjustments.length} adjustment(s) dropped (a NegMAS linear additive function has none)`,
      );
    }
    if (party.redLines.length > 0) {
      report.losses.push(
        `${party.id}: ${party.redLines.length} red line(s) dropped (NegMAS utility functions have none)`,
      );
    }
    write(stems.profiles[k], {
      name: party.id,
      type: 'LinearAdditiveUtilityFunction',
      reserved_value: party.batna / 100,
      weights: party.weights,
      values,
    });
  });
  report.notes.push(
    'NegMAS profiles: weights = normalised Parley weights, TableFun values = value / 100, reserved_value = BATNA / 100',
  );
  return { files, report };
}
