import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, relative, resolve, sep } from 'node:path';
import releaseSync from '@jitl/quickjs-wasmfile-release-sync';
import {
  type CustomizeVariantOptions,
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
  type QuickJSSyncVariant,
} from 'quickjs-emscripten-core';
import { DecisionTimeoutError, StrategyMemoryError } from '../../core/simulation/guard.js';
import type { StrategyContext, StrategyCreation } from '../../core/simulation/strategy.js';
import { ISOLATE_PRELUDE } from './isolate-prelude.js';

/**
 * One user strategy module in its own JavaScript engine: QuickJS compiled to WebAssembly, one engine instance
 * (its own linear memory) per isolate. Inside there is only the language: no file system, network, processes,
 * environment, timers or Node APIs; the strategy reaches the world only through the agent context, whose
 * functions run here in the host and check their arguments. Memory is capped by the engine's allocator (every
 * object, string and ArrayBuffer counts), time by an interrupt handler polled while the engine runs: a decision
 * that overruns is stopped where it is, so nothing blocks and nothing needs a second thread.
 */

export interface IsolateLimits {
  /** Wall-clock limit of one decision (propose / respond / criticise). */
  decisionMs: number;
  /** Wall-clock limit of loading the module, and of create + init. */
  initMs: number;
  /** Wall-clock time a strategy may spend in all its decisions of one run together. */
  runMs: number;
  /** Cap on everything the engine holds (objects, strings, array buffers, its stack); at least 16 MiB. */
  memoryBytes: number;
  /** Cap on the engine's stack (deep recursion fails with a RangeError-like error). */
  stackBytes: number;
}

export const DEFAULT_LIMITS: IsolateLimits = {
  decisionMs: 1000,
  initMs: 30_000,
  runMs: 60_000,
  memoryBytes: 128 * 1024 * 1024,
  stackBytes: 512 * 1024,
};

// The package's types describe its CommonJS build, whose default export is the module object itself.
const variant: QuickJSSyncVariant =
  (releaseSync as unknown as { default?: QuickJSSyncVariant }).default ??
  (releaseSync as unknown as QuickJSSyncVariant);

type CompiledWasm = NonNullable<CustomizeVariantOptions['wasmModule']>;
type LinearMemory = NonNullable<CustomizeVariantOptions['wasmMemory']>;
const wasm = (
  globalThis as unknown as {
    WebAssembly: {
      compile(bytes: Uint8Array): Promise<CompiledWasm>;
      Memory: new (size: { initial: number; maximum: number }) => LinearMemory;
    };
  }
).WebAssembly;
const WASM_PAGE = 64 * 1024;
/** The engine's own start-up memory (its build's initial size); limits below it are raised to it. */
const ENGINE_INITIAL_BYTES = 16 * 1024 * 1024;

/** Compiled once per process; each isolate instantiates it with a memory of its own. */
let compiledEngine: Promise<CompiledWasm> | undefined;
function engineModule(): Promise<CompiledWasm> {
  compiledEngine ??= (async () => {
    const require = createRequire(import.meta.url);
    return wasm.compile(readFileSync(require.resolve('@jitl/quickjs-wasmfile-release-sync/wasm')));
  })();
  return compiledEngine;
}

/** The module files an isolate may import: the entry file and JavaScript files in its folder or below. */
class ModuleFiles {
  readonly root: string;
  readonly entry: string;

  constructor(path: string) {
    this.entry = realpathSync(resolve(path));
    this.root = dirname(this.entry);
  }

  read(name: string): string {
    if (!name.startsWith('/')) {
      throw new Error(
        `cannot import '${name}': a strategy module can import only relative JavaScript files (bundle packages into it)`,
      );
    }
    let real: string;
    try {
      real = realpathSync(name);
    } catch {
      throw new Error(`cannot import '${this.shown(name)}': no such file`);
    }
    if (real !== this.entry && !real.startsWith(this.root + sep)) {
      throw new Error(`cannot import '${this.shown(name)}': only files in the strategy module's folder`);
    }
    if (!['.js', '.mjs'].includes(extname(real))) {
      throw new Error(`cannot import '${this.shown(name)}': only .js and .mjs files`);
    }
    return readFileSync(real, 'utf8');
  }

  private shown(name: string): string {
    return relative(this.root, name) || name;
  }
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MiB`;
}

export type DecisionKind = 'propose' | 'respond' | 'criticise';

/** What crosses into the isolate with each decision. */
export interface DecisionMessage {
  round: number;
  time: number;
  turnsLeft: number;
  lastChance: boolean;
  /** Offers made since the previous call: [party, round, option indices as text]. */
  fresh: Array<[string, number, string]>;
  /** The offer answered (respond) or the text criticised (criticise). */
  outcome?: string;
}

export class StrategyIsolate {
  private deadline = Number.POSITIVE_INFINITY;
  private spentMs = 0;
  private ctx: StrategyContext | undefined;
  private readonly bridge: QuickJSHandle;
  private alive = true;

  private constructor(
    private readonly runtime: QuickJSRuntime,
    private readonly vm: QuickJSContext,
    private readonly limits: IsolateLimits,
    readonly name: string,
  ) {
    this.bridge = vm.getProp(vm.global, '__parley');
  }

  /** Loads a strategy module into a fresh engine and learns its name (throws with the reason if it cannot). */
  static async open(path: string, limits: IsolateLimits = DEFAULT_LIMITS): Promise<StrategyIsolate> {
    const files = new ModuleFiles(path);
    // The engine's allocator alone does not cap the total (it counts only single allocations in this
    // build); a linear memory that cannot grow past the limit does, for everything the engine holds.
    const memory = new wasm.Memory({
      initial: ENGINE_INITIAL_BYTES / WASM_PAGE,
      maximum: Math.max(ENGINE_INITIAL_BYTES, limits.memoryBytes) / WASM_PAGE,
    });
    const engine = await newQuickJSWASMModuleFromVariant(
      newVariant(variant, { wasmModule: await engineModule(), wasmMemory: memory }),
    );
    const runtime = engine.newRuntime();
    runtime.setMemoryLimit(limits.memoryBytes);
    runtime.setMaxStackSize(limits.stackBytes);
    runtime.setModuleLoader(
      (name) => files.read(name),
      (base, requested) => (requested.startsWith('.') ? resolve(dirname(base), requested) : requested),
    );
    const vm = runtime.newContext();
    let deadline = Number.POSITIVE_INFINITY;
    runtime.setInterruptHandler(() => performance.now() > deadline);
    try {
      installHost(vm);
      vm.unwrapResult(vm.evalCode(ISOLATE_PRELUDE, 'prelude.js')).dispose();
      deadline = performance.now() + limits.initMs;
      const loaded = vm.evalCode(readFileSync(files.entry, 'utf8'), files.entry, { type: 'module' });
      if (loaded.error) throw engineError(vm, loaded.error, deadline, 'loading', limits);
      const bridge = vm.getProp(vm.global, '__parley');
      const register = vm.getProp(bridge, 'register');
      const named = vm.callFunction(register, vm.undefined, loaded.value);
      loaded.value.dispose();
      register.dispose();
      bridge.dispose();
      if (named.error) throw engineError(vm, named.error, deadline, 'loading', limits);
      const name = vm.getString(named.value);
      named.value.dispose();
      const isolate = new StrategyIsolate(runtime, vm, limits, name);
      runtime.setInterruptHandler(() => performance.now() > isolate.deadline);
      return isolate;
    } catch (error) {
      try {
        vm.dispose();
        runtime.dispose();
      } catch {
        // The instance is dropped either way.
      }
      throw error;
    }
  }

  get usable(): boolean {
    return this.alive;
  }

  /** Creates the strategy for one run and initialises it with the agent's context (which stays in the host). */
  init(
    ctx: StrategyContext,
    params: Readonly<Record<string, unknown>> | undefined,
    creation?: StrategyCreation,
  ): void {
    this.ctx = ctx;
    this.spentMs = 0;
    const info = JSON.stringify({
      party: ctx.party,
      parties: ctx.parties,
      issues: ctx.issues,
      deadlineRounds: ctx.deadlineRounds,
      discount: ctx.discount,
      maxUtility: Number.isFinite(ctx.maxUtility) ? ctx.maxUtility : null,
      estimate: ctx.estimate !== undefined,
      params,
      creation,
    });
    this.run('init', this.limits.initMs, false, info);
  }

  decide(kind: DecisionKind, message: DecisionMessage): unknown {
    const reply = this.run(kind, this.limits.decisionMs, true, JSON.stringify(message));
    return reply === undefined ? undefined : (JSON.parse(reply) as { answer?: unknown }).answer;
  }

  dispose(): void {
    if (!this.alive) return;
    this.alive = false;
    try {
      this.bridge.dispose();
      this.vm.dispose();
      this.runtime.dispose();
    } catch {
      // An engine that trapped may not free cleanly; its memory goes with the instance.
    }
  }

  /** Runs one bridge call under the time limits; returns the JSON text it produced. */
  private run(
    kind: 'init' | DecisionKind,
    limitMs: number,
    counted: boolean,
    json: string,
  ): string | undefined {
    if (!this.alive)
      throw new DecisionTimeoutError(`${kind}: the strategy's engine was stopped after an earlier fault`);
    const budget = counted ? this.limits.runMs - this.spentMs : Number.POSITIVE_INFINITY;
    const start = performance.now();
    const byBudget = budget < limitMs;
    this.deadline = start + Math.min(limitMs, Math.max(0, budget));
    const { vm } = this;
    host.current = this;
    try {
      const fn = vm.getProp(this.bridge, kind === 'init' ? 'init' : 'call');
      const args = kind === 'init' ? [vm.newString(json)] : [vm.newString(kind), vm.newString(json)];
      const result = vm.callFunction(fn, vm.undefined, ...args);
      fn.dispose();
      for (const a of args) a.dispose();
      if (result.error) {
        const error = engineError(vm, result.error, this.deadline, kind, this.limits, byBudget);
        if (error instanceof DecisionTimeoutError || error instanceof StrategyMemoryError) this.dispose();
        throw error;
      }
      const text = vm.typeof(result.value) === 'string' ? vm.getString(result.value) : undefined;
      result.value.dispose();
      return text;
    } catch (error) {
      // A trap inside the engine itself (not a JavaScript exception): the engine is no longer trustworthy.
      if (!(error instanceof Error) || error.name === 'RuntimeError') {
        this.dispose();
        throw new Error(`${kind}: the strategy's engine failed (${String(error)}) and was stopped`);
      }
      throw error;
    } finally {
      host.current = undefined;
      if (counted) this.spentMs += performance.now() - start;
      this.deadline = Number.POSITIVE_INFINITY;
    }
  }

  /** @internal the host side of the agent context, for the bridge functions. */
  context(): StrategyContext {
    if (!this.ctx) throw new Error('the strategy is not initialised');
    return this.ctx;
  }
}

/** Turns an exception that left the engine into the error the simulation guard records as a fault. */
function engineError(
  vm: QuickJSContext,
  handle: QuickJSHandle,
  deadline: number,
  what: string,
  limits: IsolateLimits,
  byBudget = false,
): Error {
  let name = 'Error';
  let message = 'unknown error';
  let where: string | undefined;
  try {
    const dumped = vm.dump(handle) as { name?: unknown; message?: unknown } | unknown;
    if (dumped !== null && typeof dumped === 'object') {
      const { name: n, message: m, stack } = dumped as { name?: unknown; message?: unknown; stack?: unknown };
      if (typeof n === 'string') name = n;
      if (typeof m === 'string') message = m;
      if (typeof stack === 'string') where = /\(?([^\s()]+:\d+:\d+)\)?/.exec(stack)?.[1];
    } else {
      message = String(dumped);
    }
  } catch {
    message = 'an error that could not be read (the engine was out of memory)';
  } finally {
    handle.dispose();
  }
  if (name === 'InternalError' && message === 'interrupted' && performance.now() >= deadline) {
    if (byBudget) {
      return new DecisionTimeoutError(
        `used up its time budget of ${limits.runMs} ms for the run; the strategy was stopped`,
      );
    }
    const limit = what === 'init' || what === 'loading' ? limits.initMs : limits.decisionMs;
    return new DecisionTimeoutError(`no answer within ${limit} ms; the strategy was stopped`);
  }
  if (name === 'InternalError' && message === 'out of memory') {
    return new StrategyMemoryError(
      `exceeded its memory limit of ${megabytes(limits.memoryBytes)}; the strategy was stopped`,
    );
  }
  // Where a module failed to load (file:line:column), so that its author can find the mistake.
  const at = what === 'loading' && where ? ` (at ${where})` : '';
  return new Error(`${name === 'Error' ? message : `${name}: ${message}`}${at}`);
}

/**
 * Host functions seen inside the engine as `__host` (the prelude hides them in a closure). They act for the
 * isolate whose call is running; each checks what it receives, since it comes from untrusted code.
 */
const host: { current: StrategyIsolate | undefined } = { current: undefined };

function activeContext(): StrategyContext {
  if (!host.current) throw new Error('the agent context is not available outside a decision');
  return host.current.context();
}

function parseOutcome(ctx: StrategyContext, text: string): Int32Array {
  const parts = text === '' ? [] : text.split(',');
  if (parts.length !== ctx.issues.length) {
    throw new RangeError(`expected ${ctx.issues.length} option indices (one per issue), got ${parts.length}`);
  }
  const outcome = new Int32Array(parts.length);
  parts.forEach((part, i) => {
    const k = Number(part);
    const options = ctx.issues[i].options.length;
    if (!Number.isInteger(k) || k < 0 || k >= options) {
      throw new RangeError(
        `issue '${ctx.issues[i].id}': ${part} is not an option index in 0..${options - 1}`,
      );
    }
    outcome[i] = k;
  });
  return outcome;
}

function installHost(vm: QuickJSContext): void {
  const api = vm.newObject();
  const numberFn = (name: string, fn: (ctx: StrategyContext, x: number) => number) => {
    const handle = vm.newFunction(name, (x) => {
      const value = vm.getNumber(x);
      if (!Number.isFinite(value)) throw new RangeError(`${name} expects a finite number`);
      return vm.newNumber(fn(activeContext(), value));
    });
    vm.setProp(api, name, handle);
    handle.dispose();
  };
  const outcomeFn = (name: string, fn: (ctx: StrategyContext, outcome: Int32Array) => QuickJSHandle) => {
    const handle = vm.newFunction(name, (text) => {
      const ctx = activeContext();
      return fn(ctx, parseOutcome(ctx, vm.getString(text)));
    });
    vm.setProp(api, name, handle);
    handle.dispose();
  };
  outcomeFn('utility', (ctx, o) => vm.newNumber(ctx.utility(o)));
  outcomeFn('crossesRedLine', (ctx, o) => (ctx.crossesRedLine(o) ? vm.true : vm.false));
  numberFn('batna', (ctx, r) => ctx.batna(r));
  numberFn('floor', (ctx, r) => ctx.floor(r));
  numberFn('acceptFloor', (ctx, r) => ctx.acceptFloor(r));
  const bid = vm.newFunction('bidAtLeast', (t) => {
    const target = vm.getNumber(t);
    if (Number.isNaN(target)) throw new RangeError('bidAtLeast expects a number');
    const found = activeContext().bidAtLeast(target);
    return found === undefined ? vm.undefined : vm.newString(Array.from(found).join(','));
  });
  vm.setProp(api, 'bidAtLeast', bid);
  bid.dispose();
  const estimate = vm.newFunction('estimate', (party, text) => {
    const ctx = activeContext();
    if (!ctx.estimate) throw new Error('this agent has no estimate of the other parties');
    return vm.newNumber(ctx.estimate(vm.getString(party), parseOutcome(ctx, vm.getString(text))));
  });
  vm.setProp(api, 'estimate', estimate);
  estimate.dispose();
  const random = vm.newFunction('random', () => vm.newNumber(activeContext().random()));
  vm.setProp(api, 'random', random);
  random.dispose();
  vm.setProp(vm.global, '__host', api);
  api.dispose();
}
