/**
 * JavaScript that runs inside a strategy's isolate (see strategy-isolate.ts) before the strategy module. It
 * builds the agent's context over the host functions in `__host` (outcomes cross the boundary as
 * comma-separated option indices, everything else as numbers or JSON text), keeps the offer history, calls the
 * strategy and serialises its answers. It captures the built-ins it needs first, so a module that replaces
 * them only breaks itself; the host validates every answer anyway.
 */
export const ISOLATE_PRELUDE = `
(() => {
  const host = globalThis.__host;
  delete globalThis.__host;
  const { stringify, parse } = JSON;
  const from = Array.from;
  const isView = ArrayBuffer.isView;
  const I32 = Int32Array;
  const toText = (o) => {
    if (o === null || typeof o !== 'object' || typeof o.length !== 'number')
      throw new TypeError('expected an outcome: one option index per issue');
    return from(o).join(',');
  };
  const toOutcome = (text) => I32.from(text === '' ? [] : text.split(','), Number);
  let module;
  let strategy;
  let offers = [];
  globalThis.__parley = {
    register(namespace) {
      const candidate = namespace.default ?? namespace.strategy;
      if (!candidate || typeof candidate.name !== 'string' || typeof candidate.create !== 'function')
        throw new TypeError("must export a strategy module { name: string, create(params) } as its default export or as 'strategy'");
      module = candidate;
      return candidate.name;
    },
    init(json) {
      const info = parse(json);
      const ctx = {
        party: info.party,
        parties: info.parties,
        issues: info.issues,
        deadlineRounds: info.deadlineRounds,
        discount: info.discount,
        maxUtility: info.maxUtility === null ? -Infinity : info.maxUtility,
        utility: (o) => host.utility(toText(o)),
        crossesRedLine: (o) => host.crossesRedLine(toText(o)),
        batna: (round) => host.batna(Number(round)),
        floor: (round) => host.floor(Number(round)),
        acceptFloor: (round) => host.acceptFloor(Number(round)),
        bidAtLeast: (target) => {
          const bid = host.bidAtLeast(Number(target));
          return bid === undefined ? undefined : toOutcome(bid);
        },
        random: () => host.random(),
      };
      if (info.estimate) ctx.estimate = (party, o) => host.estimate(String(party), toText(o));
      offers = [];
      strategy = module.create(info.params, info.creation);
      strategy.init(ctx);
    },
    call(kind, json) {
      const message = parse(json);
      for (const [party, round, text] of message.fresh) offers.push({ party, round, outcome: toOutcome(text) });
      const state = {
        round: message.round,
        time: message.time,
        turnsLeft: message.turnsLeft,
        lastChance: message.lastChance,
        offers,
      };
      let answer;
      if (kind === 'propose') answer = strategy.propose(state);
      else if (kind === 'respond') answer = strategy.respond(state, toOutcome(message.outcome));
      else if (typeof strategy.criticise === 'function') answer = strategy.criticise(state, toOutcome(message.outcome));
      if (answer !== null && typeof answer === 'object' && isView(answer)) answer = from(answer);
      return stringify({ answer });
    },
  };
})();
`;
