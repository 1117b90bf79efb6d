import type { NegotiationState, StrategyModule } from '../strategy.js';
import { checkParams, numberParam, opponentMoves, TargetStrategy } from './target-strategy.js';

/**
 * Tit for tat on utilities: mirrors the others' latest concession, measured in this agent's own utility
 * (u(their latest offer) - u(their previous offer), averaged over the other parties).
 * - absolute: my next target = my last target - that concession.
 * - relative: they closed a fraction ρ = concession / (Pmax - u(their previous offer)) of the gap to my best
 *   outcome; I concede the same fraction of my remaining room: next = last - ρ · (last - Pmin).
 * A negative concession (they hardened) raises my target again. The first bid is Pmax; until some party has
 * made two offers there is nothing to mirror and the agent concedes `opening` × (Pmax - Pmin) once, so two
 * tit-for-tat agents do not wait for each other forever.
 */
export class TitForTat extends TargetStrategy {
  readonly name: string;
  private last = Number.NaN;
  private opened = false;

  constructor(
    private readonly mode: 'absolute' | 'relative',
    private readonly opening: number,
  ) {
    super();
    this.name = `tit-for-tat-${mode}`;
  }

  protected target(state: NegotiationState, pmin: number, pmax: number): number {
    if (Number.isNaN(this.last)) {
      this.last = pmax;
      return this.last;
    }
    const moves = opponentMoves(state, this.ctx);
    let next: number;
    if (moves.length === 0) {
      next = this.opened ? this.last : this.last - this.opening * (pmax - pmin);
      this.opened = true;
    } else if (this.mode === 'absolute') {
      const concession = moves.reduce((s, m) => s + (m.latest - m.previous), 0) / moves.length;
      next = this.last - concession;
    } else {
      const share =
        moves.reduce(
          (s, m) => s + (pmax > m.previous ? (m.latest - m.previous) / (pmax - m.previous) : 0),
          0,
        ) / moves.length;
      next = this.last - share * (this.last - pmin);
    }
    this.last = Math.min(pmax, Math.max(pmin, next));
    return this.last;
  }
}

export const titForTat: StrategyModule = {
  name: 'tit-for-tat',
  create(params) {
    checkParams(params, ['mode', 'opening'], 'tit-for-tat');
    const mode = params?.mode ?? 'relative';
    if (mode !== 'absolute' && mode !== 'relative') {
      throw new RangeError(
        `parameter 'mode': expected 'absolute' or 'relative', got ${JSON.stringify(mode)}`,
      );
    }
    const opening = numberParam(params, 'opening', 0.05, (x) => x >= 0 && x <= 1, 'a number in [0, 1]');
    return new TitForTat(mode, opening);
  },
};
