import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModuleSource } from '../../server/jobs/job-task.js';

/**
 * Uploaded strategy modules as files in a private temporary folder, because the sandbox loads modules by
 * path. Messages the sandbox writes name these files; `shown` turns the folder's path back into the module's
 * name, so that no path of the server reaches a client.
 */
export class StrategyFolder {
  readonly dir = mkdtempSync(join(tmpdir(), 'parley-uploaded-'));

  /** The path of each module, by its name. */
  write(modules: readonly ModuleSource[]): Map<string, string> {
    const paths = new Map<string, string>();
    for (const [k, m] of modules.entries()) {
      // Numbered files: a module name never becomes part of a path.
      const path = join(this.dir, `module-${k}.mjs`);
      writeFileSync(path, m.source, { mode: 0o600 });
      paths.set(m.name, path);
    }
    return paths;
  }

  /** A message with this folder's file paths replaced by the module names. */
  shown(message: string, modules: readonly ModuleSource[]): string {
    let text = message;
    for (const [k, m] of modules.entries()) {
      text = text.split(join(this.dir, `module-${k}.mjs`)).join(`${m.name}.js`);
    }
    return text.split(this.dir).join('.');
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
