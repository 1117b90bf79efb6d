import type { Scenario } from '../../schema/scenario.js';

/** How terminal output names issues and options: by title and label, with the id where a flag needs it. */
export interface OptionNames {
  issueTitle(issue: string): string;
  /** "Demilitarised zone (dmz)": the label, then the id muted; a numeric value with its unit. */
  option(issue: string, option: string): string;
}

/** Names from a scenario's issues; `mute` styles the id (dim in a colour terminal). */
export function optionNames(scenario: Pick<Scenario, 'issues'>, mute: (s: string) => string): OptionNames {
  const issues = new Map(scenario.issues.map((issue) => [issue.id, issue]));
  return {
    issueTitle: (id) => issues.get(id)?.title ?? id,
    option: (issueId, optionId) => {
      const issue = issues.get(issueId);
      const option = issue?.options?.find((o) => o.id === optionId);
      if (option) return option.label === optionId ? optionId : `${option.label} ${mute(`(${optionId})`)}`;
      const unit = issue?.range?.unit;
      return unit ? `${optionId} ${unit}` : optionId;
    },
  };
}

/** Ids as they are, for callers without a scenario at hand. */
export const OPTION_IDS: OptionNames = {
  issueTitle: (id) => id,
  option: (_issue, option) => option,
};

/** An outcome as one "Issue title: option" line per issue, in the outcome's issue order. */
export function outcomeLines(names: OptionNames, assignment: Record<string, string>): string[] {
  return Object.entries(assignment).map(
    ([issue, option]) => `${names.issueTitle(issue)}: ${names.option(issue, option)}`,
  );
}
