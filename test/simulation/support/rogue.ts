import type { Strategy, StrategyContext, StrategyModule } from '../../../src/core/simulation/strategy.js';

/**
 * A strategy that ignores its own interests: random offers and random acceptances. The protocol, not the
 * strategy, must then keep every agreement above red lines and BATNAs.
 */
export const rogue: StrategyModule = {
  name: 'rogue',
  create(): Strategy {
    let ctx: StrategyContext;
    return {
      name: 'rogue',
      init(c) {
        ctx = c;
      },
      propose() {
        return ctx.issues.map((issue) => Math.floor(ctx.random() * issue.options.length));
      },
      respond() {
        return ctx.random() < 0.7 ? 'accept' : 'reject';
      },
    };
  },
};
