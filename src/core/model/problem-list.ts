import { closestId } from './closest-id.js';
import { formatPath, type Problem } from './problem.js';

export type Path = (string | number)[];

interface Details {
  expected?: string;
  suggestion?: string;
  at?: 'key';
}

/** Lists at most `limit` ids, saying how many more there are. */
export function listIds(ids: readonly string[], limit = 12): string {
  if (ids.length === 0) return '(none defined)';
  const shown = ids.slice(0, limit).join(', ');
  return ids.length > limit ? `${shown} and ${ids.length - limit} more` : shown;
}

/** Collects problems while the checks walk the scenario. */
export class ProblemList {
  readonly problems: Problem[] = [];
  private readonly lookups = new WeakMap<readonly string[], Set<string>>();

  private has(known: readonly string[], id: string): boolean {
    let set = this.lookups.get(known);
    if (set === undefined) {
      set = new Set(known);
      this.lookups.set(known, set);
    }
    return set.has(id);
  }

  error(path: Path, message: string, details: Details = {}): void {
    this.problems.push({ path, message, severity: 'error', ...details });
  }

  warning(path: Path, message: string, details: Details = {}): void {
    this.problems.push({ path, message, severity: 'warning', ...details });
  }

  get errorCount(): number {
    return this.problems.filter((p) => p.severity === 'error').length;
  }

  /**
   * Reports `id` unless it is one of `known`; returns whether it resolved.
   * `what` names the kind of id ("party", "option"); `extra` follows the id ("of issue 'x'").
   */
  requireKnown(
    id: string,
    known: readonly string[],
    what: string,
    path: Path,
    details: { at?: 'key'; extra?: string } = {},
  ): boolean {
    if (this.has(known, id)) return true;
    const suggestion = closestId(id, known);
    this.error(path, `unknown ${what} '${id}'${details.extra ? ` ${details.extra}` : ''}`, {
      expected: `one of: ${listIds(known)}`,
      suggestion,
      at: details.at,
    });
    return false;
  }

  /** Reports every item whose id repeats an earlier item's; `path` leads to the list. */
  requireUniqueIds(items: ReadonlyArray<{ id: string }>, what: string, path: Path): void {
    this.requireUnique(items, what, path, 'id', (item) => item.id);
  }

  /** Reports every item whose `field` (read by `key`) repeats an earlier item's. */
  requireUnique<T>(
    items: readonly T[],
    what: string,
    path: Path,
    field: string,
    key: (item: T) => string | number,
  ): void {
    const first = new Map<string | number, number>();
    items.forEach((item, k) => {
      const value = key(item);
      const earlier = first.get(value);
      if (earlier === undefined) {
        first.set(value, k);
        return;
      }
      const shown = typeof value === 'number' ? String(value) : `'${value}'`;
      this.error(
        [...path, k, field],
        `duplicate ${what} ${field} ${shown} (already used at ${formatPath([...path, earlier])})`,
        { expected: `${field === 'id' ? 'an id' : `a ${field}`} not used by another ${what}` },
      );
    });
  }
}
