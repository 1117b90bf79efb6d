import { formatDiagnostics } from '../../load/format-diagnostics.js';
import { loadScenarioFile } from '../../load/load-scenario.js';
import { EXIT_INPUT, EXIT_OK, type Io, json, styler } from '../output.js';

export interface ValidateOptions {
  json?: boolean;
}

/** `parley validate <file…>`: every problem in every file, at once. */
export function validateCommand(files: string[], options: ValidateOptions, io: Io): number {
  const s = styler(io);
  const results = files.map((file) => ({ file, result: loadScenarioFile(file) }));
  const failed = results.some((r) => !r.result.ok);
  if (options.json) {
    io.out(
      json({
        ok: !failed,
        files: results.map(({ file, result }) =>
          result.ok
            ? { file, ok: true, id: result.scenario.id, warnings: result.warnings }
            : { file, ok: false, diagnostics: result.diagnostics },
        ),
      }),
    );
    return failed ? EXIT_INPUT : EXIT_OK;
  }
  for (const { file, result } of results) {
    if (result.ok) {
      const sc = result.scenario;
      const summary = `${sc.parties.length} parties, ${sc.issues.length} issues, ${sc.documents.length} documents, ${sc.packages.length} packages`;
      io.out(`${s.green('ok')}  ${file}  ${s.dim(`(${summary})`)}\n`);
      if (result.warnings.length > 0) io.out(formatDiagnostics(result.warnings, { color: io.color }));
    } else {
      const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
      io.out(`${s.red('invalid')}  ${file}  ${s.dim(`(${errors} error${errors === 1 ? '' : 's'})`)}\n`);
      io.out(formatDiagnostics(result.diagnostics, { color: io.color }));
    }
  }
  return failed ? EXIT_INPUT : EXIT_OK;
}
