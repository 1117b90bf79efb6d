import type { SmpOptions } from '../../../schema/forecast.js';
import type { Rng } from '../../random/rng.js';
import { interVectorBargain } from './bargain.js';
import { type ChallengeContext, estimateChallenge } from './challenge.js';
import { electionProbabilities, type PceSettings } from './probabilistic-condorcet.js';
import { estimatedRisk, riskFromProbability } from './risk-attitudes.js';
import { riskUtility, salienceWeightedDistance } from './spatial-utility.js';

/** Actors on the 0..1 scale of every dimension, as SMP works internally. */
export interface SmpActors {
  capabilities: readonly number[];
  /** saliences[i][k] in [0, 1], Σ_k <= 1. */
  saliences: readonly (readonly number[])[];
}

/** An actor's best challenge in a turn, with the bargain it proposes (positions on 0..1). */
export interface SmpChallenge {
  initiator: number;
  target: number;
  /** The initiator's estimate that it prevails. */
  probability: number;
  /** The initiator's expected gain (KTAB's "2× utility" units): the vertical axis of the quad map. */
  expectedGain: number;
  /** The target's own estimate of what the challenge does to it: the horizontal axis of the quad map. */
  targetGain: number;
  initiatorPosition: number[];
  targetPosition: number[];
}

/** What one actor did with its queue of bargains. */
export interface SmpChoice {
  actor: number;
  /** Index into the turn's challenges of the bargain adopted, or undefined for the status quo. */
  challenge: number | undefined;
  /** The probability the queue's election gave the chosen bargain. */
  probability: number;
}

/** How a turn looked before its moves, and what happened in it. */
export interface SmpTurnRecord {
  /** Risk attitudes inferred from the status-quo contest. */
  risk: number[];
  /** Probability that each actor's current position wins (actors sharing a position share it). */
  winProbability: number[];
  challenges: SmpChallenge[];
  /** Actors without an advantageous target. */
  idle: number[];
  choices: SmpChoice[];
  next: number[][];
}

/** Positions closer than this (Euclidean, 0..1) count as one position, as in KTAB. */
export const POSITION_TOLERANCE = 1e-3;

function distance(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += (a[k] - b[k]) ** 2;
  return Math.sqrt(s);
}

/** Index of the first actor holding an equivalent position, for each actor. */
function uniquePositionIndex(positions: readonly (readonly number[])[]): number[] {
  const firsts: number[] = [];
  return positions.map((p) => {
    const found = firsts.find((f) => distance(positions[f], p) < POSITION_TOLERANCE);
    if (found !== undefined) return found;
    firsts.push(positions.indexOf(p));
    return firsts[firsts.length - 1];
  });
}

/** Smallest expected gain that makes a challenge worth making. */
const GAIN_THRESHOLD = 1e-5;

/**
 * One turn of KTAB's Spatial Model of Politics (`stepBCN`): infer risk attitudes from the status-quo
 * contest; every actor picks its most profitable challenge and forms a bargain; every actor's queue of
 * bargains (its status quo first) is decided by a probabilistic Condorcet election; each actor adopts its
 * side of the winning bargain. Ideal points follow positions (KTAB's CSV default).
 */
export function smpTurn(
  actors: SmpActors,
  positions: readonly (readonly number[])[],
  options: SmpOptions,
  rng: Rng,
): SmpTurnRecord {
  const n = positions.length;
  const { capabilities, saliences } = actors;
  const settings: PceSettings = {
    votingRule: options.VotingRule,
    victoryModel: options.VictoryProbModel,
    pceModel: options.PCEModel,
  };
  const gap = positions.map((_, i) =>
    positions.map((p) => salienceWeightedDistance(positions[i], p, saliences[i])),
  );
  const neutral = gap.map((row) => row.map((d) => riskUtility(d, 0)));
  const risk = riskFromProbability(electionProbabilities(capabilities, neutral, settings), options.BigRRange);
  // utilities[h][i][p]: h's estimate of i's utility of p's position.
  const utilities = positions.map((_, h) =>
    positions.map((__, i) =>
      gap[i].map((d) => riskUtility(d, estimatedRisk(risk[h], risk[i], options.BigRAdjust))),
    ),
  );

  const unique = uniquePositionIndex(positions);
  const firsts = [...new Set(unique)];
  const ownView = positions.map((_, i) => firsts.map((f) => utilities[i][i][f]));
  const uniqueWin = electionProbabilities(capabilities, ownView, settings);
  const winProbability = unique.map((u) => uniqueWin[firsts.indexOf(u)]);

  const totalSaliences = saliences.map((s) => s.reduce((a, b) => a + b, 0));
  const context = (h: number): ChallengeContext => ({
    utilities: utilities[h],
    capabilities,
    totalSaliences,
    votingRule: options.VotingRule,
    thirdPartyCommit: options.ThirdPartyCommit,
  });

  const challenges: SmpChallenge[] = [];
  const idle: number[] = [];
  for (let i = 0; i < n; i++) {
    let best: { target: number; probability: number; gain: number } | undefined;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const e = estimateChallenge(context(i), i, i, j);
      if (e.gain > GAIN_THRESHOLD && (best === undefined || e.gain > best.gain)) best = { target: j, ...e };
    }
    if (!best) {
      idle.push(i);
      continue;
    }
    const j = best.target;
    const targetGain = estimateChallenge(context(j), j, i, j).gain;
    const initiatorView = interVectorBargain(
      options.InterVecBrgn,
      positions[i],
      positions[j],
      saliences[i],
      saliences[j],
      best.probability,
    );
    const record = (b: { initiator: number[]; receiver: number[] }): SmpChallenge => ({
      initiator: i,
      target: j,
      probability: best.probability,
      expectedGain: best.gain,
      targetGain,
      initiatorPosition: b.initiator,
      targetPosition: b.receiver,
    });
    if (options.BargnModel === 'InitOnlyInterp') {
      challenges.push(record(initiatorView));
      continue;
    }
    const pj = estimateChallenge(context(j), j, i, j).probability;
    const receiverView = interVectorBargain(
      options.InterVecBrgn,
      positions[i],
      positions[j],
      saliences[i],
      saliences[j],
      pj,
    );
    if (options.BargnModel === 'InitRcvrInterp') {
      challenges.push(record(initiatorView), record(receiverView));
    } else {
      const wi = capabilities[i] * totalSaliences[i];
      const wj = capabilities[j] * totalSaliences[j];
      const mix = (a: number[], b: number[]) => a.map((x, k) => (wi * x + wj * b[k]) / (wi + wj));
      challenges.push(
        record({
          initiator: mix(initiatorView.initiator, receiverView.initiator),
          receiver: mix(initiatorView.receiver, receiverView.receiver),
        }),
      );
    }
  }

  const next = positions.map((p) => [...p]);
  const choices: SmpChoice[] = [];
  // Each actor's utility summed over the current positions, and what each bargain changes in that sum:
  // only the two positions a bargain moves change, so a state's mean utility is (base + change) / n.
  const base = positions.map((_, a) => utilities[a][a].reduce((sum, x) => sum + x, 0));
  const change = challenges.map((c) =>
    positions.map((_, a) => {
      const moved = (p: readonly number[]) =>
        riskUtility(salienceWeightedDistance(positions[a], p, saliences[a]), risk[a]);
      return (
        moved(c.initiatorPosition) +
        moved(c.targetPosition) -
        utilities[a][a][c.initiator] -
        utilities[a][a][c.target]
      );
    }),
  );
  for (let k = 0; k < n; k++) {
    const queue: (number | undefined)[] = [undefined];
    challenges.forEach((c, index) => {
      if (c.initiator === k || c.target === k) queue.push(index);
    });
    // u[a][m]: actor a's mean utility over all positions in the state bargain m would bring about.
    const u = positions.map((_, a) => queue.map((m) => (base[a] + (m === undefined ? 0 : change[m][a])) / n));
    const p = electionProbabilities(capabilities, u, settings);
    let chosen = 0;
    if (options.StateTransitions === 'Deterministic') {
      for (let m = 1; m < p.length; m++) if (p[m] > p[chosen]) chosen = m;
    } else {
      let draw = rng.next();
      chosen = p.length - 1;
      for (let m = 0; m < p.length; m++) {
        draw -= p[m];
        if (draw < 0) {
          chosen = m;
          break;
        }
      }
    }
    const m = queue[chosen];
    if (m !== undefined) {
      const c = challenges[m];
      next[k] = [...(c.initiator === k ? c.initiatorPosition : c.targetPosition)];
    }
    choices.push({ actor: k, challenge: m, probability: p[chosen] });
  }
  return { risk, winProbability, challenges, idle, choices, next };
}
