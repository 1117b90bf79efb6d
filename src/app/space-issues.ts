import type { OutcomeSpace } from '../core/model/outcome-space.js';

/** An issue of the outcome space as a reader sees it: its options' ids and labels in option-index order. */
export interface SpaceIssueLabels {
  id: string;
  title: string;
  options: Array<{ id: string; label: string }>;
}

/**
 * The issues of the space in the order outcome vectors index them, so that a face can show an outcome
 * (`options[k]` of a frontier point) by its labels without rebuilding the space (numeric grids included).
 */
export function spaceIssueLabels(space: OutcomeSpace): SpaceIssueLabels[] {
  return space.issues.map((issue) => ({
    id: issue.id,
    title: issue.title,
    options: issue.optionIds.map((id, k) => ({ id, label: issue.labels[k] })),
  }));
}
