import type { z } from 'zod';
import type { Problem } from '../../core/model/problem.js';
import {
  Document,
  Event,
  Issue,
  Package,
  Party,
  Position,
  Preferences,
  Scenario,
  Source,
} from '../../schema/scenario.js';

/** The list sections of a scenario, each with the schema of one entry. */
const LIST_SECTIONS: Record<string, z.ZodType> = {
  sources: Source,
  parties: Party,
  issues: Issue,
  documents: Document,
  packages: Package,
  preferences: Preferences,
  events: Event,
  positions: Position,
};

/** Required fields that nothing references: a stand-in lets the rest be checked while they are broken. */
const STAND_INS: Record<string, unknown> = { parley: 1, id: 'scenario', title: 'scenario' };

/** Words of the reference messages that point into each section. */
const SECTION_WORDS: Record<string, RegExp> = {
  sources: /\bsources?\b/,
  parties: /\bpart(y|ies)\b/,
  issues: /\b(issues?|options?)\b/,
  documents: /\b(documents?|versions?|points?)\b/,
  packages: /\bpackages?\b/,
  conflict: /\b(conflict|states?|decision makers?)\b/,
  forecast: /\b(forecast|scales?)\b/,
};

/** What a structurally broken scenario still lets be checked for references. */
export interface Salvaged {
  /** The scenario with every broken entry or optional section left out. */
  scenario: Scenario;
  /** For a list section with entries left out: original index of each kept entry. */
  kept: Map<string, number[]>;
  /** Ids of the entries left out (references to them are not checked), as "section 'id'". */
  droppedIds: Array<{ section: string; id: string }>;
  /** Sections left out whole (references into them are not checked). */
  droppedSections: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Keeps the parts of a scenario whose own structure is valid: each list entry that passes its schema, each other
 * section that passes, stand-ins for broken required scalars. Undefined when what remains is no scenario (a
 * required list is broken as a whole or left empty).
 */
export function salvageSections(data: unknown): Salvaged | undefined {
  if (!isRecord(data)) return undefined;
  const shape = Scenario.shape as Record<string, z.ZodType>;
  const repaired: Record<string, unknown> = {};
  const kept = new Map<string, number[]>();
  const droppedIds: Salvaged['droppedIds'] = [];
  const droppedSections: string[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    if (!Object.hasOwn(data, key)) {
      if (key in STAND_INS) repaired[key] = STAND_INS[key];
      continue;
    }
    const value = data[key];
    if (schema.safeParse(value).success) repaired[key] = value;
    else if (key in LIST_SECTIONS && Array.isArray(value)) {
      const indices = value.flatMap((item, k) => (LIST_SECTIONS[key].safeParse(item).success ? [k] : []));
      for (const [k, item] of value.entries()) {
        if (!indices.includes(k) && isRecord(item) && typeof item.id === 'string') {
          droppedIds.push({ section: key, id: item.id });
        } else if (
          !indices.includes(k) &&
          key === 'preferences' &&
          isRecord(item) &&
          typeof item.party === 'string'
        ) {
          droppedIds.push({ section: key, id: item.party });
        }
      }
      repaired[key] = indices.map((k) => value[k]);
      kept.set(key, indices);
    } else if (key in STAND_INS) repaired[key] = STAND_INS[key];
    else droppedSections.push(key);
  }
  const parsed = Scenario.safeParse(repaired);
  if (!parsed.success) return undefined;
  return { scenario: parsed.data, kept, droppedIds, droppedSections };
}

/**
 * The reference problems found on a salvaged scenario that stand on their own: errors only (warnings about
 * coverage would count what was left out), none that names a left-out entry or points into a left-out section,
 * and each path mapped back to the entry's place in the file.
 */
export function salvagedProblems(problems: Problem[], salvaged: Salvaged): Problem[] {
  const quoted = salvaged.droppedIds.map(({ id }) => `'${id}'`);
  const words = salvaged.droppedSections.flatMap((s) => (SECTION_WORDS[s] ? [SECTION_WORDS[s]] : []));
  return problems
    .filter((p) => p.severity === 'error')
    .filter((p) => !quoted.some((q) => p.message.includes(q)))
    .filter((p) => !words.some((w) => w.test(p.message)))
    .filter((p) => !salvaged.droppedSections.includes(String(p.path[0])))
    .map((p) => {
      const indices = salvaged.kept.get(String(p.path[0]));
      if (!indices || typeof p.path[1] !== 'number') return p;
      return { ...p, path: [p.path[0], indices[p.path[1]], ...p.path.slice(2)] };
    });
}

/** The note that says which references were not checked, or undefined when every reference was. */
export function uncheckedNote(salvaged: Salvaged | undefined): string | undefined {
  if (!salvaged) {
    return 'references between ids (parties, issues, options, versions, sources) were not checked because of the errors above; fix those and load again';
  }
  const parts = [
    ...salvaged.droppedIds.map(({ section, id }) => `${section} '${id}'`),
    ...salvaged.droppedSections,
  ];
  const unnamed = [...salvaged.kept.values()].length > 0 && parts.length === 0;
  if (parts.length === 0 && !unnamed) return undefined;
  return parts.length > 0
    ? `references into the entries with errors above (${parts.join(', ')}) were not checked; the rest were`
    : 'references into the entries with errors above were not checked; the rest were';
}
