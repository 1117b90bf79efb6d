import { describe, expect, it } from 'vitest';
import {
  EMPTY_DRAFT,
  hypothesisOf,
  setBatna,
  setWeight,
  toggleRedLine,
} from '../../../../web/src/screens/builder/hypothesis-draft.js';
import { groupIssues } from '../../../../web/src/screens/builder/issue-groups.js';
import { outcomeChanges } from '../../../../web/src/screens/builder/outcome-changes.js';
import { tinyScenario } from '../../../support/tiny-scenario.js';

describe('issue groups', () => {
  it('groups by the document whose latest version speaks to an issue, then by category', () => {
    const groups = groupIssues(tinyScenario());
    // plan v2 settles land only; annex x1 settles money; troops are in no latest version.
    expect(groups.map((g) => g.document?.id)).toEqual(['plan', 'annex', undefined]);
    expect(groups[0].categories[0].issues.map((i) => i.id)).toEqual(['land']);
    expect(groups[2].categories[0].issues[0].options.map((o) => o.label)).toEqual([
      '0 k',
      '25 k',
      '50 k',
      '75 k',
      '100 k',
    ]);
  });

  it('describes what loading an outcome changes, with labels', () => {
    const issues = groupIssues(tinyScenario()).flatMap((g) => g.categories.flatMap((c) => c.issues));
    expect(outcomeChanges(issues, { land: 'keep' }, { land: 'share', money: 'none' })).toEqual([
      { issue: 'land', title: 'Land', from: 'Alpha keeps', to: 'Shared' },
      { issue: 'money', title: 'Money', to: 'None' },
    ]);
  });
});

describe('the what-if draft', () => {
  it('becomes the request hypothesis, and toggling twice restores the saved scenario', () => {
    let draft = toggleRedLine(EMPTY_DRAFT, 'b', 'not-keep');
    draft = setWeight(setBatna(draft, 'a', 45), 'a', 'troops', 2);
    expect(hypothesisOf(draft)).toEqual({
      redLines: [{ party: 'b', redLine: 'not-keep', active: false }],
      batna: [{ party: 'a', value: 45 }],
      weights: [{ party: 'a', issue: 'troops', value: 2 }],
    });
    expect(hypothesisOf(toggleRedLine(toggleRedLine(EMPTY_DRAFT, 'b', 'x'), 'b', 'x'))).toBeUndefined();
  });
});
