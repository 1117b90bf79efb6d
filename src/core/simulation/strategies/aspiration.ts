import type { NegotiationState, StrategyModule } from '../strategy.js';
import { checkParams, numberParam, opponentMoves, TargetStrategy } from './target-strategy.js';

/**
 * Aspiration level: the aspiration starts at Pmax and each turn moves toward Pmin,
 *   a ← max(Pmin, a - decay · (a - Pmin) - responsiveness · max(0, c)),
 * where c is the others' latest concession in this agent's utility (see tit-for-tat). It decays on its own
 * and falls faster when the others concede; an opponent who hardens does not raise it.
 */
export class Aspiration extends TargetStrategy {
  readonly name = 'aspiration';
  private level = Number.NaN;

  constructor(
    private readonly decay: number,
    private readonly responsiveness: number,
  ) {
    super();
  }

  protected target(state: NegotiationState, pmin: number, pmax: number): number {
    if (Number.isNaN(this.level)) {
      this.level = pmax;
      return pmax;
    }
    const moves = opponentMoves(state, this.ctx);
    const concession = moves.length
      ? moves.reduce((s, m) => s + (m.latest - m.previous), 0) / moves.length
      : 0;
    const next =
      this.level - this.decay * (this.level - pmin) - this.responsiveness * Math.max(0, concession);
    this.level = Math.min(pmax, Math.max(pmin, next));
    return this.level;
  }
}

export const aspiration: StrategyModule = {
  name: 'aspiration',
  create(params) {
    checkParams(params, ['decay', 'responsiveness'], 'aspiration');
    const decay = numberParam(params, 'decay', 0.05, (x) => x >= 0 && x <= 1, 'a number in [0, 1]');
    const responsiveness = numberParam(params, 'responsiveness', 0.5, (x) => x >= 0, 'a number >= 0');
    return new Aspiration(decay, responsiveness);
  },
};
