import { type OutcomeSpace, optionIndex } from '../model/outcome-space.js';
import type { NegotiationState, Offer, Outcome, Response, Strategy, StrategyContext } from './strategy.js';
import type { Fault, FaultKind } from './trace.js';

/**
 * Protection of a run against a strategy that misbehaves. Every call is wrapped in try/catch; every returned
 * offer is validated; a strategy that throws or returns something malformed is recorded as a fault and breaks
 * off (the negotiation ends, `endedBy: 'disqualified'`).
 *
 * Time limits: code running in the same thread cannot be pre-empted, so here a call's duration is measured
 * with the injected clock and an agent that overran the limit is disqualified after the call returns (its
 * decision is discarded). A strategy stuck in an endless loop would hang the run; for hard limits, run the
 * strategy sandboxed (src/adapters/simulation/sandbox.ts), where an overrunning decision is interrupted.
 */

export type Clock = () => number;

/**
 * Thrown by a strategy proxy whose decision was cut off (e.g. a worker terminated after its time limit);
 * recorded as a 'time-limit' fault rather than an exception.
 */
export class DecisionTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecisionTimeoutError';
  }
}

/**
 * Thrown by a strategy proxy whose strategy ran out of the memory it is allowed (e.g. a sandboxed engine's
 * heap cap); recorded as a 'memory-limit' fault.
 */
export class StrategyMemoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StrategyMemoryError';
  }
}

/** Converts a strategy's offer to an outcome, or returns the reason it is malformed. */
export function toOutcome(offer: unknown, space: OutcomeSpace): Outcome | string {
  const m = space.radix.length;
  if (offer === null || typeof offer !== 'object') return `expected an offer, got ${String(offer)}`;
  if (Array.isArray(offer) || ArrayBuffer.isView(offer)) {
    const list = offer as ArrayLike<unknown>;
    if (list.length !== m) return `expected ${m} option indices (one per issue), got ${list.length}`;
    const outcome = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      const k = list[i];
      if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k >= space.radix[i]) {
        return `issue '${space.issues[i].id}': ${String(k)} is not an option index in 0..${space.radix[i] - 1}`;
      }
      outcome[i] = k;
    }
    return outcome;
  }
  const record = offer as Record<string, unknown>;
  const outcome = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const issue = space.issues[i];
    const ref = record[issue.id];
    if (typeof ref !== 'string' && typeof ref !== 'number')
      return `issue '${issue.id}' has no option in the offer`;
    const k = optionIndex(issue, ref);
    if (k < 0) return `issue '${issue.id}' has no option '${ref}'`;
    outcome[i] = k;
  }
  for (const key of Object.keys(record)) {
    if (!space.issues.some((issue) => issue.id === key)) return `the offer names an unknown issue '${key}'`;
  }
  return outcome;
}

export type Proposal = { kind: 'offer'; outcome: Outcome } | { kind: 'pass' } | { kind: 'fault' };

export class GuardedAgent {
  disqualified = false;

  constructor(
    readonly party: string,
    readonly strategy: Strategy,
    private readonly space: OutcomeSpace,
    private readonly faults: Fault[],
    private readonly clock?: Clock,
    private readonly limitMs?: number,
  ) {}

  private fault(round: number, kind: FaultKind, message: string): void {
    this.faults.push({ party: this.party, round, kind, message });
    this.disqualified = true;
  }

  /** Runs a decision; returns undefined (and disqualifies) if it threw or overran. */
  private call<T>(round: number, what: string, fn: () => T): T | undefined {
    const start = this.clock?.();
    let result: T;
    try {
      result = fn();
    } catch (error) {
      // By name rather than instanceof: the proxy may use another copy of this module (compiled vs source).
      if (error instanceof Error && error.name === 'DecisionTimeoutError') {
        this.fault(round, 'time-limit', `${what}: ${error.message}`);
      } else if (error instanceof Error && error.name === 'StrategyMemoryError') {
        this.fault(round, 'memory-limit', `${what}: ${error.message}`);
      } else {
        this.fault(
          round,
          'exception',
          `${what} threw: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      return undefined;
    }
    if (start !== undefined && this.limitMs !== undefined && this.clock) {
      const took = this.clock() - start;
      if (took > this.limitMs) {
        this.fault(
          round,
          'time-limit',
          `${what} took ${took.toFixed(1)} ms, over the ${this.limitMs} ms limit`,
        );
        return undefined;
      }
    }
    return result;
  }

  init(ctx: StrategyContext): boolean {
    this.call(0, 'init', () => this.strategy.init(ctx));
    return !this.disqualified;
  }

  propose(state: NegotiationState): Proposal {
    const offer = this.call<Offer | null>(state.round, 'propose', () => this.strategy.propose(state));
    if (this.disqualified) return { kind: 'fault' };
    if (offer === null || offer === undefined) return { kind: 'pass' };
    const outcome = toOutcome(offer, this.space);
    if (typeof outcome === 'string') {
      this.fault(state.round, 'malformed-offer', outcome);
      return { kind: 'fault' };
    }
    return { kind: 'offer', outcome };
  }

  respond(state: NegotiationState, offer: Outcome): Response | 'fault' {
    const answer = this.call(state.round, 'respond', () => this.strategy.respond(state, offer));
    if (this.disqualified) return 'fault';
    if (answer !== 'accept' && answer !== 'reject' && answer !== 'end') {
      this.fault(
        state.round,
        'malformed-offer',
        `respond returned ${JSON.stringify(answer)}, not accept/reject/end`,
      );
      return 'fault';
    }
    return answer;
  }

  /** Issue ids objected to, or undefined when the strategy has no criticise method; 'fault' on failure. */
  criticise(state: NegotiationState, text: Outcome): string[] | undefined | 'fault' {
    const criticise = this.strategy.criticise;
    if (!criticise) return undefined;
    const issues = this.call(state.round, 'criticise', () => criticise.call(this.strategy, state, text));
    if (this.disqualified) return 'fault';
    if (issues === undefined) return undefined;
    if (!Array.isArray(issues) || issues.some((id) => !this.space.issues.some((i) => i.id === id))) {
      this.fault(
        state.round,
        'malformed-offer',
        `criticise must return issue ids, got ${JSON.stringify(issues)}`,
      );
      return 'fault';
    }
    return [...issues];
  }
}
