import type { NegotiationState, StrategyModule } from '../strategy.js';
import { checkParams, numberParam, TargetStrategy } from './target-strategy.js';

/**
 * Time-dependent concession (Faratin, Sierra & Jennings 1998): target(t) = Pmax - (Pmax - Pmin) · t^(1/e),
 * with t the normalised time (0 in the first round, 1 in the last). e < 1 concedes late (Boulware), e = 1
 * linearly, e > 1 early (conceder).
 */
export class TimeDependent extends TargetStrategy {
  constructor(
    readonly name: string,
    private readonly e: number,
    reservation?: number,
  ) {
    super(reservation);
  }

  protected target(state: NegotiationState, pmin: number, pmax: number): number {
    return pmax - (pmax - pmin) * state.time ** (1 / this.e);
  }
}

/** Never concedes: always bids its best outcome and accepts only offers at least as good (AC_next). */
export class Hardliner extends TargetStrategy {
  readonly name = 'hardliner';

  protected target(_state: NegotiationState, _pmin: number, pmax: number): number {
    return pmax;
  }
}

const PARAMS = ['e', 'reservation'];

function timeDependentModule(name: string, defaultE: number | undefined): StrategyModule {
  return {
    name,
    create(params) {
      checkParams(params, defaultE === undefined ? PARAMS : ['reservation'], name);
      const e =
        defaultE ??
        numberParam(params, 'e', Number.NaN, (x) => x > 0 && Number.isFinite(x), 'a positive number');
      if (Number.isNaN(e)) throw new RangeError(`strategy '${name}' needs parameter 'e' (a positive number)`);
      const reservation = numberParam(
        params,
        'reservation',
        Number.NEGATIVE_INFINITY,
        Number.isFinite,
        'a number',
      );
      return new TimeDependent(name, e, reservation);
    },
  };
}

export const boulware = timeDependentModule('boulware', 0.2);
export const linear = timeDependentModule('linear', 1);
export const conceder = timeDependentModule('conceder', 2);
export const timeDependent = timeDependentModule('time-dependent', undefined);

export const hardliner: StrategyModule = {
  name: 'hardliner',
  create(params) {
    checkParams(params, [], 'hardliner');
    return new Hardliner();
  },
};
