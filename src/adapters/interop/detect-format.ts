import { parse as parseYaml } from 'yaml';
import { InteropError } from './interop-error.js';
import { baseName, dirName, extName, type InteropFiles } from './interop-files.js';
import type { InteropFormat } from './interop-report.js';
import { isRecord } from './read-json-file.js';

/** What one file is, judged from its content (the extension only picks the parser). */
export type FileRole =
  | { format: InteropFormat; role: 'domain' | 'profile' }
  | { format: undefined; reason: string; unreadable?: true };

/** A domain and its profiles found at a path, plus the files that were looked at and skipped. */
export interface DetectedFiles {
  format: InteropFormat;
  /** Undefined only for GeniusWeb, whose profiles embed their domain. */
  domain: string | undefined;
  profiles: string[];
  ignored: Array<{ file: string; reason: string }>;
  /**
   * Files of the format's kind (by extension) that could not be read or recognised: a link that loops or leads
   * nowhere, XML whose root cannot be found. Importing without them would silently drop a party.
   */
  dropped: Array<{ file: string; reason: string }>;
}

const FORMAT_EXTENSIONS: Record<InteropFormat, readonly string[]> = {
  genius: ['.xml'],
  geniusweb: ['.json'],
  negmas: ['.yml', '.yaml'],
};

const EXPECTED =
  'GENIUS XML (a <negotiation_template> domain and <utility_space> profiles), GeniusWeb JSON (a domain with "issuesValues" and "LinearAdditiveUtilitySpace" profiles) or NegMAS YAML (an outcome space and utility functions)';

function xmlRootTag(text: string): string | undefined {
  const body = text
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    // A document type declaration (with or without an internal subset) comes before the root.
    .replace(/^\s*<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/i, '')
    .trimStart();
  if (!body.startsWith('<')) return undefined;
  return /^<([A-Za-z_][\w.:-]*)/.exec(body)?.[1];
}

export function classifyFile(files: InteropFiles, path: string): FileRole {
  const ext = extName(path).toLowerCase();
  if (ext === '.xml') {
    const text = files.readText(path, 'an XML file');
    const tag = xmlRootTag(text);
    if (tag === 'negotiation_template') return { format: 'genius', role: 'domain' };
    if (tag === 'utility_space') return { format: 'genius', role: 'profile' };
    if (tag)
      return { format: undefined, reason: `XML root <${tag}> is neither a GENIUS domain nor a profile` };
    // ANAC folders hold a pareto.xml that is not XML at all; one that names GENIUS elements is a broken file.
    return /<(utility_space|negotiation_template)\b/.test(text)
      ? {
          format: undefined,
          reason: 'names GENIUS elements but its root element cannot be found',
          unreadable: true,
        }
      : { format: undefined, reason: 'not XML' };
  }
  if (ext === '.json') {
    let value: unknown;
    try {
      value = JSON.parse(files.readText(path, 'a JSON file'));
    } catch (error) {
      throw new InteropError(path, `malformed JSON (${(error as Error).message}); expected ${EXPECTED}`);
    }
    if (isRecord(value) && Object.keys(value).some((k) => /UtilitySpace$|PartialOrdering$/.test(k))) {
      return { format: 'geniusweb', role: 'profile' };
    }
    if (isRecord(value) && isRecord(value.issuesValues)) return { format: 'geniusweb', role: 'domain' };
    return { format: undefined, reason: 'JSON that is neither a GeniusWeb domain nor a profile' };
  }
  if (ext === '.yml' || ext === '.yaml') {
    let value: unknown;
    try {
      value = parseYaml(files.readText(path, 'a YAML file'));
    } catch (error) {
      throw new InteropError(
        path,
        `malformed YAML (${(error as Error).message.split('\n')[0]}); expected ${EXPECTED}`,
      );
    }
    const type = isRecord(value) && typeof value.type === 'string' ? value.type : '';
    if (/OutcomeSpace$/.test(type)) return { format: 'negmas', role: 'domain' };
    if (/UtilityFunction$/.test(type)) return { format: 'negmas', role: 'profile' };
    return {
      format: undefined,
      reason: `YAML of type '${type || 'none'}' is neither a NegMAS outcome space nor a utility function`,
    };
  }
  return { format: undefined, reason: `extension '${ext || 'none'}' is not .xml, .json, .yml or .yaml` };
}

/**
 * Detects the format at `path` and pairs domain and profiles. A folder must hold one format with one domain
 * (GeniusWeb profiles may stand alone); a file is imported with the other files of its folder it belongs
 * with: a domain with all profiles beside it, a profile with the domain beside it.
 */
export function detectFormat(files: InteropFiles, path: string): DetectedFiles {
  const kind = files.kind(path);
  if (kind === undefined)
    throw new InteropError(path, `not found; expected a folder or file with ${EXPECTED}`);
  const isFolder = kind === 'folder';
  const folder = isFolder ? path : dirName(path);
  const ignored: DetectedFiles['ignored'] = [];
  const roles = new Map<string, FileRole>(
    (files.unreadableIn?.(folder) ?? []).map(({ file, reason }) => [
      file,
      { format: undefined, reason, unreadable: true },
    ]),
  );
  for (const [file, role] of roles)
    if (role.format === undefined) ignored.push({ file: baseName(file), reason: role.reason });
  for (const file of isFolder
    ? files.filesIn(folder)
    : [path, ...files.filesIn(folder).filter((f) => f !== path)]) {
    if (
      !isFolder &&
      file !== path &&
      !['.xml', '.json', '.yml', '.yaml'].includes(extName(file).toLowerCase())
    )
      continue;
    const role = classifyFile(files, file);
    roles.set(file, role);
    if (role.format === undefined) ignored.push({ file: baseName(file), reason: role.reason });
  }
  const own = roles.get(isFolder ? '' : path);
  if (!isFolder && own?.format === undefined) {
    throw new InteropError(path, `${own?.reason ?? 'unrecognised'}; expected ${EXPECTED}`);
  }
  const formats = new Set([...roles.values()].flatMap((r) => (r.format ? [r.format] : [])));
  const format = isFolder ? [...formats][0] : own?.format;
  if (format === undefined) throw new InteropError(path, `no negotiation files found; expected ${EXPECTED}`);
  if (isFolder && formats.size > 1) {
    throw new InteropError(
      path,
      `the folder mixes formats (${[...formats].join(', ')}); import one file or split the folder`,
    );
  }
  const of = (role: 'domain' | 'profile') =>
    [...roles].filter(([, r]) => r.format === format && 'role' in r && r.role === role).map(([file]) => file);
  const domains = of('domain');
  let profiles = of('profile');
  for (const [file, r] of roles) {
    if (r.format !== undefined && r.format !== format)
      ignored.push({ file: baseName(file), reason: `a ${r.format} file` });
  }
  let domain: string | undefined;
  if (!isFolder && own?.format !== undefined && 'role' in own && own.role === 'domain') {
    domain = path;
  } else {
    if (domains.length > 1) {
      throw new InteropError(
        folder,
        `several ${format} domains (${domains.map((d) => baseName(d)).join(', ')}); import one of them by its file`,
      );
    }
    domain = domains[0];
  }
  if (!isFolder && own?.format !== undefined && 'role' in own && own.role === 'profile') profiles = [path];
  if (domain === undefined && format !== 'geniusweb') {
    throw new InteropError(
      path,
      `no ${format} domain found beside the profiles; expected one domain file in ${folder}`,
    );
  }
  if (profiles.length === 0) {
    throw new InteropError(
      path,
      `no ${format} profiles found; expected at least one profile file in ${folder}`,
    );
  }
  const dropped = [...roles]
    .filter(
      ([file, r]) =>
        r.format === undefined &&
        r.unreadable &&
        FORMAT_EXTENSIONS[format].includes(extName(file).toLowerCase()),
    )
    .map(([file, r]) => ({ file: baseName(file), reason: r.format === undefined ? r.reason : '' }));
  return { format, domain, profiles, ignored, dropped };
}
