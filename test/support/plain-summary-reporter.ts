import type { SerializedError } from 'vitest';
import type { Reporter, TestModule, TestRunEndReason } from 'vitest/node';

/** The counts behind the summary line; exported so the reporter's test can check them without a run. */
export interface PlainSummary {
  passed: number;
  failed: number;
  skipped: number;
  /** Why each failure that is not a failed test counts: a file that did not load or collect, an unhandled error. */
  problems: string[];
}

export function summarise(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<SerializedError> = [],
  reason: TestRunEndReason = 'passed',
): PlainSummary {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const problems: string[] = [];
  for (const testModule of testModules) {
    for (const testCase of testModule.children.allTests()) {
      const state = testCase.result().state;
      if (state === 'passed') passed++;
      else if (state === 'failed') failed++;
      else skipped++;
    }
    // Errors of the file itself (it does not load, its describe blocks throw, a file-level hook fails):
    // none of its tests may have run, so it counts as one failure, never as zero.
    const fileErrors = testModule.errors();
    if (fileErrors.length > 0) {
      failed++;
      problems.push(`${testModule.relativeModuleId}: ${firstLine(fileErrors[0])}`);
    }
  }
  for (const error of unhandledErrors) {
    failed++;
    problems.push(`unhandled error: ${firstLine(error)}`);
  }
  if (reason === 'failed' && failed === 0) {
    failed = 1;
    problems.push('the run failed without a failed test (see the output above)');
  }
  return { passed, failed, skipped, problems };
}

function firstLine(error: SerializedError): string {
  const text = `${error.name ?? 'Error'}: ${error.message ?? String(error)}`;
  return text.split('\n')[0];
}

/**
 * Prints one plain `tests: N passed, N failed, N skipped` line that any CI log reader understands. Files that
 * fail to load or collect and unhandled errors count as failures, each listed on a line before the summary.
 */
export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    const { passed, failed, skipped, problems } = summarise(testModules, unhandledErrors, reason);
    const listed = problems.map((p) => `failed: ${p}\n`).join('');
    process.stdout.write(`\n${listed}tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
