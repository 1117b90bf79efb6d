/**
 * Parley ids are `[A-Za-z0-9][A-Za-z0-9_.-]*` (at most 80 characters). Names from other formats ("$100
 * Billion", "-10", "NS=penalty+ProRail=warning") are turned into readable ids; the original text is kept
 * as the label, so nothing is lost.
 */
const MAX_ID_LENGTH = 80;

export function sanitiseId(text: string, fallback: string): string {
  const spelled = text
    .trim()
    .replace(/^-(?=\d)/, 'minus-')
    .replace(/^\+(?=\d)/, 'plus-')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/[-_.]+$/, '');
  const id = spelled.slice(0, MAX_ID_LENGTH).replace(/[-_.]+$/, '');
  return id.length > 0 ? id : fallback;
}

/** Hands out ids that are unique within one scope (an issue's options, a scenario's issues, ...). */
export class IdAllocator {
  private readonly used = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const id of reserved) this.used.add(id);
  }

  take(text: string, fallback: string): string {
    const base = sanitiseId(text, fallback);
    let id = base;
    for (let k = 2; this.used.has(id); k++) {
      const suffix = `-${k}`;
      id = `${base.slice(0, MAX_ID_LENGTH - suffix.length)}${suffix}`;
    }
    this.used.add(id);
    return id;
  }
}
