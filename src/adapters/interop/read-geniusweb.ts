import type { IssueValues, Party, Preferences } from '../../schema/scenario.js';
import { IdAllocator, sanitiseId } from './ids.js';
import { InteropError } from './interop-error.js';
import { baseName, type InteropFiles } from './interop-files.js';
import { type ImportResult, newReport } from './interop-report.js';
import { isRecord, readJsonFile, requireNumber } from './read-json-file.js';
import {
  assembleIssues,
  finishScenario,
  type ImportedIssue,
  type IssueDef,
  importedParty,
  toParleyIssue,
  valueFunctionOnGrid,
} from './scenario-assembly.js';

/**
 * Reads GeniusWeb JSON: a domain {"name", "issuesValues": {issue: {"values": [...]} | {"range": {"low",
 * "high", "step"}}}} and LinearAdditiveUtilitySpace profiles, in both spellings: 1.x ("discreteutils",
 * "numberutils") and 2.x ("DiscreteValueSetUtilities", "NumberValueSetUtilities").
 *
 * GeniusWeb: u(bid) = sum_i w_i * u_i(value_i), with u_i in [0, 1] given per value (discrete) or linear
 * between (lowValue, lowUtility) and (highValue, highUtility) and 0 outside (number issues); a value the
 * table does not list, or an issue the bid leaves out, counts 0. The reservation is a bid, so
 * BATNA = 100 * u(reservationBid), and 0 when there is none.
 *
 * Parley: value = 100 * u_i, weights as written (multiplied into the values when they do not sum to 1, so
 * utilities stay identical).
 */

const DOMAIN_SHAPE = 'a GeniusWeb domain {"name": ..., "issuesValues": {issue: {"values": [...]}}}';
const PROFILE_SHAPE =
  'a GeniusWeb profile {"LinearAdditiveUtilitySpace": {"issueUtilities", "issueWeights", "domain", ...}}';

interface WebDomain {
  name: string;
  issues: IssueDef[];
  /** Issue names as the JSON spells them, parallel to issues. */
  keys: string[];
}

function readDomain(file: string, raw: unknown): WebDomain {
  if (!isRecord(raw) || !isRecord(raw.issuesValues)) {
    throw new InteropError(file, `no "issuesValues" object; expected ${DOMAIN_SHAPE}`);
  }
  const name = typeof raw.name === 'string' && raw.name ? raw.name : baseName(file).replace(/\.json$/i, '');
  // Issue order is the file's, except that JSON.parse puts integer-like names ("1", "2") first.
  const keys = Object.keys(raw.issuesValues);
  const issues = keys.map((key): IssueDef => {
    const set = (raw.issuesValues as Record<string, unknown>)[key];
    if (isRecord(set) && Array.isArray(set.values)) {
      return {
        name: key,
        kind: 'options',
        options: set.values.map((v) => ({ value: typeof v === 'string' ? v : JSON.stringify(v) })),
      };
    }
    if (isRecord(set) && isRecord(set.range)) {
      const where = `issue '${key}' range`;
      const low = requireNumber(file, set.range.low, `${where} low`);
      const high = requireNumber(file, set.range.high, `${where} high`);
      const step = requireNumber(file, set.range.step, `${where} step`);
      if (!(step > 0) || high < low)
        throw new InteropError(file, `${where}: expected low <= high and step > 0`);
      const count = Math.floor((high - low) / step + 1e-9);
      const max = Number((low + count * step).toFixed(12));
      return {
        name: key,
        kind: 'numeric',
        grid: { min: low, max, step },
        integer: Number.isInteger(low) && Number.isInteger(step),
      };
    }
    throw new InteropError(
      file,
      `issue '${key}': expected {"values": [...]} or {"range": {"low", "high", "step"}}`,
    );
  });
  if (issues.length === 0) throw new InteropError(file, `the domain has no issues; expected ${DOMAIN_SHAPE}`);
  return { name, issues, keys };
}

function unwrapProfile(file: string, raw: unknown): Record<string, unknown> {
  if (!isRecord(raw)) throw new InteropError(file, `expected ${PROFILE_SHAPE}`);
  const space = raw.LinearAdditiveUtilitySpace;
  if (!isRecord(space)) {
    const kind = Object.keys(raw)[0] ?? 'nothing';
    throw new InteropError(file, `profile type '${kind}' is not supported; expected ${PROFILE_SHAPE}`);
  }
  return space;
}

type ValueUtility = (value: unknown) => number;

function valueUtilities(
  file: string,
  issue: string,
  raw: unknown,
): { kind: 'discrete' | 'number'; utility: ValueUtility } {
  if (!isRecord(raw)) throw new InteropError(file, `issueUtilities.${issue}: expected an object`);
  const discrete = raw.discreteutils ?? raw.DiscreteValueSetUtilities;
  if (isRecord(discrete) && isRecord(discrete.valueUtilities)) {
    const table = new Map<string, number>();
    for (const [value, u] of Object.entries(discrete.valueUtilities)) {
      table.set(value, requireNumber(file, u, `issueUtilities.${issue}.valueUtilities.${value}`));
    }
    return { kind: 'discrete', utility: (value) => table.get(String(value)) ?? 0 };
  }
  const numeric = raw.numberutils ?? raw.NumberValueSetUtilities;
  if (isRecord(numeric)) {
    const where = `issueUtilities.${issue}`;
    const lowValue = requireNumber(file, numeric.lowValue, `${where}.lowValue`);
    const lowUtility = requireNumber(file, numeric.lowUtility, `${where}.lowUtility`);
    const highValue = requireNumber(file, numeric.highValue, `${where}.highValue`);
    const highUtility = requireNumber(file, numeric.highUtility, `${where}.highUtility`);
    if (!(highValue > lowValue)) throw new InteropError(file, `${where}: expected highValue > lowValue`);
    return {
      kind: 'number',
      utility: (value) => {
        const x = typeof value === 'number' ? value : Number(value);
        if (!Number.isFinite(x) || x < lowValue || x > highValue) return 0;
        return lowUtility + ((highUtility - lowUtility) * (x - lowValue)) / (highValue - lowValue);
      },
    };
  }
  throw new InteropError(
    file,
    `issueUtilities.${issue}: expected "discreteutils"/"DiscreteValueSetUtilities" or "numberutils"/"NumberValueSetUtilities"`,
  );
}

/**
 * Reads a GeniusWeb domain and its profiles. `domainPath` may be undefined, in which case the domain
 * embedded in the first profile is used.
 */
export function readGeniusWeb(
  files: InteropFiles,
  domainPath: string | undefined,
  profilePaths: string[],
): ImportResult {
  const report = newReport('geniusweb');
  if (profilePaths.length === 0) {
    throw new InteropError(
      domainPath ?? '(no file)',
      `no profiles given; expected at least one ${PROFILE_SHAPE}`,
    );
  }
  const profiles = profilePaths.map((path) => ({
    path,
    space: unwrapProfile(path, readJsonFile(files, path, PROFILE_SHAPE)),
  }));
  const domainFile = domainPath ?? profilePaths[0];
  const domain = domainPath
    ? readDomain(domainPath, readJsonFile(files, domainPath, DOMAIN_SHAPE))
    : readDomain(profilePaths[0], profiles[0].space.domain);
  if (!domainPath)
    report.notes.push(`no domain file: the domain embedded in ${baseName(profilePaths[0])} is used`);
  const issues = assembleIssues(domain.issues, domainFile);
  if (issues.some((i) => i.def.kind === 'numeric')) {
    report.notes.push(
      'GeniusWeb computes number-issue utilities in decimal arithmetic (its Python version rounds them to 8 decimals); Parley keeps the exact linear value, a difference of at most 5e-9 per issue',
    );
  }

  const partyIds = new IdAllocator();
  const parties: Party[] = [];
  const preferences: Preferences[] = [];
  profiles.forEach(({ path, space }, k) => {
    const label = baseName(path);
    const embedded =
      isRecord(space.domain) && typeof space.domain.name === 'string' ? space.domain.name : undefined;
    if (embedded !== undefined && embedded !== domain.name) {
      report.notes.push(`${label}: names domain '${embedded}', read against domain '${domain.name}'`);
    }
    const utilities = isRecord(space.issueUtilities) ? space.issueUtilities : undefined;
    const weights = isRecord(space.issueWeights) ? space.issueWeights : undefined;
    if (!utilities || !weights)
      throw new InteropError(path, `missing "issueUtilities" or "issueWeights"; expected ${PROFILE_SHAPE}`);
    for (const key of Object.keys(utilities)) {
      if (!domain.keys.includes(key))
        throw new InteropError(path, `issueUtilities names issue '${key}', which the domain does not have`);
    }

    const weightOf = new Map<string, number>();
    const utilityOf = new Map<string, ValueUtility>();
    domain.keys.forEach((key) => {
      const w = weights[key];
      if (w === undefined || utilities[key] === undefined) {
        report.losses.push(
          `${label}: issue '${key}' has no ${w === undefined ? 'weight' : 'utilities'}; imported with weight 0`,
        );
        return;
      }
      weightOf.set(key, requireNumber(path, w, `issueWeights.${key}`));
      utilityOf.set(key, valueUtilities(path, key, utilities[key]).utility);
    });
    let weightSum = 0;
    for (const w of weightOf.values()) weightSum += w;
    const rescale = weightSum > 0 && Math.abs(weightSum - 1) > 1e-9;
    if (rescale) {
      report.notes.push(
        `${label}: weights sum to ${weightSum}, not 1 (GeniusWeb requires 1); values were multiplied by ${weightSum} to keep utilities as written`,
      );
    }
    const scale = rescale ? weightSum : 1;

    const partWeights: Record<string, number> = {};
    const partValues: Record<string, IssueValues> = {};
    issues.forEach((issue: ImportedIssue, i) => {
      const key = domain.keys[i];
      const utility = utilityOf.get(key);
      if (!utility) return;
      partWeights[issue.id] = weightOf.get(key) ?? 0;
      if (issue.def.kind === 'options') {
        const options = issue.def.options;
        partValues[issue.id] = Object.fromEntries(
          issue.optionIds.map((id, k) => [id, 100 * scale * utility(options[k].value)]),
        );
      } else {
        partValues[issue.id] = valueFunctionOnGrid(
          issue,
          issue.grid.map((x) => 100 * scale * utility(x)),
        );
      }
    });

    let batna = 0;
    const notes: string[] = [];
    const reservation = space.reservationBid;
    if (isRecord(reservation) && isRecord(reservation.issuevalues)) {
      const bid = reservation.issuevalues;
      for (const [key, value] of Object.entries(bid)) {
        if (!domain.keys.includes(key))
          throw new InteropError(path, `reservationBid names issue '${key}', which the domain does not have`);
        const utility = utilityOf.get(key);
        if (utility) batna += (weightOf.get(key) ?? 0) * utility(value);
      }
      batna *= 100;
      notes.push(`BATNA = utility of the GeniusWeb reservation bid ${JSON.stringify(bid)}`);
    } else {
      notes.push('No reservation bid: BATNA 0');
    }
    const party = importedParty(label.replace(/\.json$/i, ''), partyIds, `party-${k + 1}`);
    parties.push(party);
    preferences.push({
      party: party.id,
      source: `GeniusWeb profile ${label}`,
      basis: 'imported',
      weights: partWeights,
      values: partValues,
      adjustments: [],
      redLines: [],
      batna,
      notes: notes.join('. '),
    });
  });

  const scenario = finishScenario(
    {
      parley: 1,
      id: sanitiseId(domain.name, 'geniusweb-domain'),
      title: domain.name,
      description: `Imported from GeniusWeb: ${domainPath ? `domain ${baseName(domainPath)}, ` : ''}profiles ${profilePaths.map((p) => baseName(p)).join(', ')}.`,
      parties,
      issues: issues.map(toParleyIssue),
      preferences,
    },
    domainFile,
    report,
  );
  return { scenario, report };
}
