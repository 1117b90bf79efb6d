import type { Scenario } from '../schema/scenario.js';
import type { ExportedFile, ExportFormat } from './interop-types.js';
import type { InteropPorts } from './ports.js';

export interface ExportDomainInput {
  scenario: Scenario;
  format: ExportFormat;
  /** GeniusWeb profile format: 1 (numberutils, discreteutils) or 2 (the default). */
  geniuswebVersion?: 1 | 2;
}

export interface ExportedDomainFile extends ExportedFile {
  /** 'domain', 'profile of <party name>' or 'conflict'. */
  role: string;
}

export interface ExportDomainResult {
  format: ExportFormat;
  /** The files, in memory, named as they go into the export folder; writing them is the face's business. */
  files: ExportedDomainFile[];
  /** What the files carry differently or not at all among utilities, BATNAs and red lines. */
  losses: string[];
  /** What the scenario holds beyond preferences, which the format has no place for. */
  notCarried: string[];
  /** Conventions the export applied. */
  notes: string[];
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/**
 * What a scenario holds beyond utilities, BATNAs and red lines, none of which the research formats have a
 * place for. The writers report utility losses; this lists the rest so that nothing goes unmentioned.
 */
export function notCarried(scenario: Scenario): string[] {
  const items: string[] = [];
  const versions = scenario.documents.reduce((n, d) => n + d.versions.length, 0);
  if (scenario.documents.length > 0)
    items.push(`${plural(scenario.documents.length, 'document')} (${plural(versions, 'version')})`);
  if (scenario.packages.length > 0) items.push(plural(scenario.packages.length, 'package'));
  if (scenario.events.length > 0) items.push(plural(scenario.events.length, 'event'));
  if (scenario.positions.length > 0) items.push(plural(scenario.positions.length, 'stated position'));
  if (scenario.sources.length > 0) items.push(plural(scenario.sources.length, 'source'));
  const roles = scenario.parties.filter((p) => p.role !== 'signatory');
  items.push(
    roles.length > 0
      ? `party names, kinds and roles (${roles.map((p) => `${p.id} is a ${p.role}`).join(', ')}); profiles are named by party id`
      : 'party names and kinds (profiles are named by party id)',
  );
  items.push('descriptions, categories and the sources of estimates');
  return items;
}

function roleOf(scenario: Scenario, format: ExportFormat, path: string, k: number): string {
  if (format === 'gmcr') return 'conflict';
  if (k === 0) return 'domain';
  const stem = path.slice(0, path.lastIndexOf('.') < 0 ? path.length : path.lastIndexOf('.'));
  return `profile of ${scenario.parties.find((p) => p.id === stem)?.name ?? stem}`;
}

/**
 * A scenario in a research format (GENIUS, GeniusWeb, NegMAS) or its conflict section as gmcr-py, as files in
 * memory with every loss listed. Nothing is written: the CLI writes the files into a folder, a server offers
 * them for download.
 */
export async function exportDomain(
  input: ExportDomainInput,
  ports: InteropPorts,
): Promise<ExportDomainResult> {
  const written = ports.interop.write(input.scenario, input.format, {
    ...(input.geniuswebVersion === undefined ? {} : { geniuswebVersion: input.geniuswebVersion }),
  });
  return {
    format: input.format,
    files: written.files.map((file, k) => ({
      ...file,
      role: roleOf(input.scenario, input.format, file.path, k),
    })),
    losses: written.losses,
    notCarried: input.format === 'gmcr' ? [] : notCarried(input.scenario),
    notes: written.notes,
  };
}
