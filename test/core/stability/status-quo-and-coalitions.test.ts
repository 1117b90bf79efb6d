import { describe, expect, it } from 'vitest';
import { analyzeStability } from '../../../src/app/stability.js';
import { coalitionVerdict } from '../../../src/core/stability/coalition-improvements.js';
import { buildGraphModel } from '../../../src/core/stability/graph-model.js';
import { statusQuoPaths } from '../../../src/core/stability/status-quo.js';
import { prisonersDilemma } from './small-conflicts.js';

// Prisoners dilemma states: 1 = NN (both defect), 2 = YN (One cooperates), 3 = NY, 4 = YY.
// Payoffs (higher is better) One: 1, 0, 3, 2; Two: 1, 3, 0, 2.
describe('status-quo analysis', () => {
  it('finds every state reachable by unilateral improvements from mutual cooperation, with shortest paths', () => {
    const model = buildGraphModel(prisonersDilemma());
    const reached = statusQuoPaths(model, 3).map((r) => ({
      state: r.state + 1,
      path: r.path.map((s) => [s.mover, s.from + 1, s.to + 1]),
    }));
    expect(reached).toEqual([
      // One defects first (lower player index breaks the tie), then Two follows.
      {
        state: 1,
        path: [
          [0, 4, 3],
          [1, 3, 1],
        ],
      },
      { state: 2, path: [[1, 4, 2]] },
      { state: 3, path: [[0, 4, 3]] },
      { state: 4, path: [] },
    ]);
  });

  it('reaches nothing from mutual defection, the only Nash equilibrium', () => {
    const model = buildGraphModel(prisonersDilemma());
    expect(statusQuoPaths(model, 0).map((r) => r.state)).toEqual([0]);
  });
});

describe('coalition analysis', () => {
  it('the grand coalition improves mutual defection to mutual cooperation, and nobody is left to sanction', () => {
    const model = buildGraphModel(prisonersDilemma());
    const verdict = coalitionVerdict(model, [0, 1], 0, 'legalSequence');
    expect(verdict.improvements.map((i) => i.to + 1)).toEqual([4]);
    expect(verdict.stable).toEqual({ cnash: false, cgmr: false, cseq: false });
    expect(coalitionVerdict(model, [0, 1], 3, 'legalSequence').stable.cnash).toBe(true);
  });

  it('so mutual defection is no coalition equilibrium, while mutual cooperation is one under CGMR and CSEQ', () => {
    const result = analyzeStability({ conflict: prisonersDilemma() });
    expect(result.individual.equilibria.nash).toEqual([1]);
    expect(result.coalitions?.equilibria).toEqual({ cnash: [], cgmr: [4], cseq: [4] });
    // Only from 1 can the two gain together (from 2 and 3 the one who defects would lose).
    expect(result.coalitions?.verdicts.map((v) => v.state)).toEqual([1]);
  });

  it('a coalition acting as one decision maker moves both options and improves only when both gain', () => {
    const result = analyzeStability({ conflict: prisonersDilemma(), partition: [[0, 1]] });
    // One player owning both options reaches every state; from 1 only 4 is better for both members, and
    // from 2, 3 and 4 nothing is: the Nash equilibria of the merged player are the Pareto-optimal states.
    expect(result.partition?.equilibria.nash).toEqual([2, 3, 4]);
  });

  it('applies the D3 rule: with "every member no better", fewer sanctions succeed', () => {
    const conflict = prisonersDilemma();
    const any = analyzeStability({ conflict, partition: [[0, 1]], coalitionSanction: 'anyMemberNoBetter' });
    const every = analyzeStability({
      conflict,
      partition: [[0, 1]],
      coalitionSanction: 'everyMemberNoBetter',
    });
    expect(any.coalitionSanction).toBe('anyMemberNoBetter');
    expect(every.coalitionSanction).toBe('everyMemberNoBetter');
    // With a single player nobody sanctions, so the two rules agree here; the options are recorded.
    expect(every.partition?.equilibria.gmr).toEqual(any.partition?.equilibria.gmr);
  });
});
