/**
 * An example user strategy: concede slowly, then grab the best offer on the table near the deadline.
 *
 * - Bids follow target(t) = Pmax - (Pmax - Pmin) · t^(1/e) with a small e (late concession), as the built-in
 *   Boulware does, through ctx.bidAtLeast (which also favours the other parties among near-equal bids).
 * - Accepts an offer worth at least its own next bid; from time `rush` on, also any offer at least as good as
 *   the best one it has received so far; never below its BATNA and never across its red lines.
 *
 * Use it from the command line (the module must be JavaScript, ESM):
 *   npx tsc --ignoreConfig --module nodenext --target es2023 --rootDir . --outDir build examples/my-strategy.ts
 *   parley simulate scenario.yaml --strategy-module ./build/examples/my-strategy.js ...
 * and name the strategy 'deadline-rush' in the agents of the configuration. The module runs in a sandbox
 * (see docs/simulation.md): it must be JavaScript, and it can import only relative files in its folder.
 * From code: simulate(scenario, config, { strategies: [myStrategy] }), with simulate from 'parley'.
 *
 * Only types are imported, so the compiled module has no imports and runs anywhere.
 */
import type { NegotiationState, Outcome, Response, Strategy, StrategyContext, StrategyModule } from 'parley';

class DeadlineRush implements Strategy {
  readonly name = 'deadline-rush';
  private ctx!: StrategyContext;
  private bestReceived = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly e: number,
    private readonly rush: number,
  ) {}

  init(ctx: StrategyContext): void {
    this.ctx = ctx;
    this.bestReceived = Number.NEGATIVE_INFINITY;
  }

  private target(state: NegotiationState): number {
    const pmax = this.ctx.maxUtility;
    const pmin = this.ctx.floor(state.round);
    return pmax - (pmax - pmin) * state.time ** (1 / this.e);
  }

  propose(state: NegotiationState): Outcome | null {
    // Undefined when no outcome reaches the target (e.g. every outcome is below the BATNA): pass.
    return this.ctx.bidAtLeast(Math.max(this.target(state), this.ctx.floor(state.round))) ?? null;
  }

  respond(state: NegotiationState, offer: Outcome): Response {
    const u = this.ctx.utility(offer);
    if (this.ctx.crossesRedLine(offer) || u < this.ctx.acceptFloor(state.round)) return 'reject';
    const rushing = state.time >= this.rush && u >= this.bestReceived;
    this.bestReceived = Math.max(this.bestReceived, u);
    if (state.lastChance || rushing) return 'accept';
    const next = this.propose(state);
    return next === null || u >= this.ctx.utility(next) ? 'accept' : 'reject';
  }
}

const myStrategy: StrategyModule = {
  name: 'deadline-rush',
  create(params) {
    const e = typeof params?.e === 'number' && params.e > 0 ? params.e : 0.3;
    const rush = typeof params?.rush === 'number' && params.rush >= 0 && params.rush <= 1 ? params.rush : 0.9;
    return new DeadlineRush(e, rush);
  },
};

export default myStrategy;
