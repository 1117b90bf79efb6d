import type { ConventionSet } from '../../conventions.js';
import {
  CONCESSION_OPTION_NAMES,
  type ConcessionSettings,
  NAMED_EXPONENTS,
  readConcessionSettings,
} from '../concession-settings.js';
import type { NegotiationState, StrategyModule } from '../strategy.js';
import { checkParams, numberParam, TargetStrategy } from './target-strategy.js';

/**
 * Time-dependent concession (Faratin, Sierra & Jennings 1998): target(t) = Pmax - (Pmax - Pmin) · t^(1/e),
 * with t the normalised time (under Parley's conventions 0 in the first round, 1 in the last). e < 1 concedes
 * late (Boulware), e = 1 linearly, e > 1 early (conceder). NegMAS's aspiration 1 - t^x is the same curve with
 * x = 1/e; which e the names boulware, linear and conceder stand for depends on the convention set.
 */
export class TimeDependent extends TargetStrategy {
  constructor(
    readonly name: string,
    readonly e: number,
    reservation?: number,
    settings?: Readonly<ConcessionSettings>,
  ) {
    super(reservation, settings);
  }

  protected target(state: NegotiationState, pmin: number, pmax: number): number {
    return pmax - (pmax - pmin) * this.time(state) ** (1 / this.e);
  }
}

/** Never concedes: always bids its best outcome and accepts only offers at least as good (AC_next). */
export class Hardliner extends TargetStrategy {
  readonly name = 'hardliner';

  protected target(_state: NegotiationState, _pmin: number, pmax: number): number {
    return pmax;
  }
}

const COMMON = ['reservation', ...CONCESSION_OPTION_NAMES];

function timeDependentModule(
  name: string,
  namedExponent: ((conventions: ConventionSet) => number) | undefined,
): StrategyModule {
  return {
    name,
    create(params, creation) {
      const conventions = creation?.conventions ?? 'parley';
      checkParams(params, namedExponent === undefined ? ['e', ...COMMON] : COMMON, name);
      const e =
        namedExponent?.(conventions) ??
        numberParam(params, 'e', Number.NaN, (x) => x > 0 && Number.isFinite(x), 'a positive number');
      if (Number.isNaN(e)) throw new RangeError(`strategy '${name}' needs parameter 'e' (a positive number)`);
      const reservation = numberParam(
        params,
        'reservation',
        Number.NEGATIVE_INFINITY,
        Number.isFinite,
        'a number',
      );
      return new TimeDependent(name, e, reservation, readConcessionSettings(params, conventions));
    },
  };
}

export const boulware = timeDependentModule('boulware', (c) => NAMED_EXPONENTS[c].boulware);
export const linear = timeDependentModule('linear', (c) => NAMED_EXPONENTS[c].linear);
export const conceder = timeDependentModule('conceder', (c) => NAMED_EXPONENTS[c].conceder);
export const timeDependent = timeDependentModule('time-dependent', undefined);

export const hardliner: StrategyModule = {
  name: 'hardliner',
  create(params, creation) {
    checkParams(params, CONCESSION_OPTION_NAMES, 'hardliner');
    return new Hardliner(undefined, readConcessionSettings(params, creation?.conventions ?? 'parley'));
  },
};
