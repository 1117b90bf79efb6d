import { analyze } from '../../app/analyze.js';
import { diff } from '../../app/diff.js';
import { evaluate } from '../../app/evaluate.js';
import { CancelledError, type ComputePorts } from '../../app/ports.js';
import { report } from '../../app/report.js';
import { serialMap } from '../../app/serial-map.js';
import { timeline } from '../../app/timeline.js';
import { AnalysisError } from '../../core/analysis/zone/analysis-options.js';
import { ResolveError } from '../../core/model/resolve.js';
import { VersionError } from '../../core/versions/index.js';
import type {
  AnalyzeBody,
  DiffBody,
  EvaluateBody,
  ReportBody,
  TimelineBody,
} from '../../schema/api/analysis.js';
import type { JobOutcome, JobTask } from '../../server/jobs/job-task.js';
import { createHighsSolver } from '../solver/highs-solver.js';
import { readableWordDiff } from '../text/readable-word-diff.js';

const INPUT_ERRORS = [ResolveError, VersionError, AnalysisError];

function ports(task: JobTask): ComputePorts {
  const flag = new Int32Array(task.cancelFlag);
  return {
    // One thread per job: the in-thread solver and serial chunks, so that a job never fans out further.
    solver: createHighsSolver(),
    parallel: serialMap(),
    clock: { now: () => performance.now() },
    progress: { report: (update) => task.port.postMessage(update) },
    cancel: {
      get aborted() {
        return Atomics.load(flag, 0) === 1;
      },
      reason: 'cancelled by request',
    },
  };
}

function outcomeText(outcome: Record<string, string> | undefined) {
  if (!outcome) return undefined;
  return {
    assignments: outcome,
    text: Object.entries(outcome)
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
  };
}

async function run(task: JobTask): Promise<unknown> {
  const { scenario } = task;
  switch (task.kind) {
    case 'evaluate': {
      const o = task.options as EvaluateBody;
      return evaluate({
        scenario,
        at: o.at,
        package: o.package,
        versions: o.versions,
        outcome: outcomeText(o.outcome),
      });
    }
    case 'analyze': {
      const o = task.options as AnalyzeBody;
      return analyze(
        { scenario, at: o.at, package: o.package, samples: o.samples, seed: o.seed },
        ports(task),
      );
    }
    case 'diff': {
      const o = task.options as DiffBody;
      return diff(
        { scenario, before: o.before, after: o.after, packages: o.packages, seed: o.seed },
        { ...ports(task), wordDiff: readableWordDiff },
      );
    }
    case 'timeline': {
      const o = task.options as TimelineBody;
      return timeline({ scenario, documents: o.documents, from: o.from, to: o.to });
    }
    case 'report': {
      const o = task.options as ReportBody;
      return report(
        { scenario, at: o.at, package: o.package, samples: o.samples, seed: o.seed },
        { ...ports(task), wordDiff: readableWordDiff },
      );
    }
  }
}

function plainArrays(_key: string, value: unknown): unknown {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) ? Array.from(value as Int32Array) : value;
}

/** Runs one analysis use case on this pool thread; results are plain data (structured-cloned back). */
export default async function runJob(task: JobTask): Promise<JobOutcome> {
  try {
    const result = await run(task);
    // Typed arrays and class instances become plain JSON, as the store keeps them.
    return { ok: true, result: JSON.parse(JSON.stringify(result, plainArrays)) };
  } catch (error) {
    if (error instanceof CancelledError) return { ok: false, cancelled: true };
    const input = INPUT_ERRORS.some((E) => error instanceof E);
    return { ok: false, input, message: error instanceof Error ? error.message : String(error) };
  } finally {
    task.port.close();
  }
}
