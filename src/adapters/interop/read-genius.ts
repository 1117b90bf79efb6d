import type { Party, Preferences } from '../../schema/scenario.js';
import { readAdditiveProfile } from './genius-additive.js';
import { readConstraintProfile } from './genius-constraint.js';
import { readGeniusDomainFile } from './genius-domain.js';
import { readNonlinearProfile } from './genius-nonlinear.js';
import type { GeniusProfileContext, ProfilePart } from './genius-profile.js';
import { IdAllocator, sanitiseId } from './ids.js';
import { InteropError } from './interop-error.js';
import { baseName, type InteropFiles } from './interop-files.js';
import { type ImportOptions, type ImportResult, newReport } from './interop-report.js';
import { assembleIssues, finishScenario, importedParty, toParleyIssue } from './scenario-assembly.js';
import { attr, child, numberAttr, parseXml, rootElement } from './xml-tree.js';

/**
 * Reads a GENIUS domain (<negotiation_template>) and its profiles (<utility_space>) into a Parley scenario.
 *
 * Conventions (details in the profile readers):
 *  - one party per profile, named after the profile file, role signatory, kind other;
 *  - discrete values become options (ids sanitised from the value, the value kept as label); integer issues
 *    become numeric ranges with step 1; real issues become ranges cut into a grid (step stated in the report);
 *  - linear profiles: value = 100 * evaluation / (largest evaluation of the issue), because GENIUS
 *    normalises discrete evaluations by the issue's maximum; weights as in the file;
 *  - nonlinear (ANAC 2014) profiles: one adjustment per hyperRectangle, scaled by the file's maxutility
 *    (every issue gets weight 1 with value 0, as Parley needs a weighted issue); constraint (Railway) profiles: ranks, per-issue adjustments, red lines;
 *  - BATNA = 100 * <reservation value> (GENIUS's default 0 when absent); the discount factor has no Parley
 *    counterpart and is reported as a loss and kept in the preferences' notes.
 */
export function readGeniusDomain(
  files: InteropFiles,
  domainXmlPath: string,
  profilePaths: string[],
  options: ImportOptions = {},
): ImportResult {
  const report = newReport('genius');
  const domain = readGeniusDomainFile(
    domainXmlPath,
    files.readText(domainXmlPath, 'a GENIUS domain XML file'),
    options,
  );
  if (profilePaths.length === 0) {
    throw new InteropError(
      domainXmlPath,
      'no profiles given; expected at least one GENIUS profile (<utility_space>) file',
    );
  }
  const issues = assembleIssues(
    domain.issues.map((i) => i.def),
    domainXmlPath,
  );
  report.notes.push(
    'GENIUS discrete evaluations are normalised by the largest evaluation of their issue (value = 100 * evaluation / max), as GENIUS 10.4 EvaluatorDiscrete does; integer and real evaluators are clamped to [0, 1]',
  );
  domain.issues.forEach((issue, position) => {
    if (issue.kind !== 'real' || issue.def.kind !== 'numeric' || !issue.realRange) return;
    const grid = issue.def.grid;
    report.losses.push(
      `real issue '${issue.name}' [${issue.realRange.min}, ${issue.realRange.max}] is discretised into ${issues[position].grid.length - 1} steps of ${grid.step}; values between grid points cannot be agreed on in Parley`,
    );
  });

  const partyIds = new IdAllocator();
  const parties: Party[] = [];
  const preferences: Preferences[] = [];
  profilePaths.forEach((path, k) => {
    const label = baseName(path);
    const expected = 'a GENIUS profile (<utility_space> with <objective>, weights and evaluations)';
    const root = rootElement(parseXml(path, files.readText(path, 'a GENIUS profile XML file'), expected));
    if (root?.tag !== 'utility_space') {
      throw new InteropError(path, `root element is <${root?.tag ?? 'nothing'}>; expected ${expected}`);
    }
    const context: GeniusProfileContext = { file: path, label, root: root.element, domain, issues, report };
    const type = (attr(root.element, 'type') ?? 'linear').toLowerCase();
    let part: ProfilePart;
    if (type === 'linear') part = readAdditiveProfile(context);
    else if (type === 'uncertain') {
      part = readAdditiveProfile(context);
      const settings = ['comparisons', 'errors', 'elicitation_cost', 'fixed_seed', 'experimental'].filter(
        (tag) => root.element[tag] !== undefined,
      );
      report.losses.push(
        `${label}: type UNCERTAIN (the agent sees only a partial ranking${settings.length ? `: ${settings.join(', ')}` : ''}); Parley imports the full underlying additive profile and drops the uncertainty settings`,
      );
    } else if (type === 'nonlinear') part = readNonlinearProfile(context);
    else if (type === 'constraint') part = readConstraintProfile(context);
    else {
      throw new InteropError(
        path,
        `<utility_space type="${type}">; expected linear (no type), uncertain, nonlinear or constraint`,
      );
    }

    const notes = [...part.notes];
    const reservationElement = child(root.element, 'reservation');
    const reservation = reservationElement && numberAttr(path, reservationElement, 'value', '<reservation>');
    if (reservation === undefined) notes.push('No reservation value in the file: GENIUS default 0 used');
    const discountElement = child(root.element, 'discount_factor');
    const discountRaw = discountElement && numberAttr(path, discountElement, 'value', '<discount_factor>');
    if (discountRaw !== undefined) {
      // GENIUS discards factors outside (0, 1] and uses 1 (no discounting).
      const discount = discountRaw <= 0 || discountRaw > 1 ? 1 : discountRaw;
      if (discount < 1) {
        notes.push(
          `GENIUS discount factor ${discount} (utility x ${discount}^t at normalised time t); not modelled in Parley`,
        );
        report.losses.push(
          `${label}: discount factor ${discount} dropped (Parley has no time discounting); kept in the preferences' notes`,
        );
      } else if (discountRaw !== 1) {
        report.notes.push(
          `${label}: discount_factor ${discountRaw} is outside (0, 1]; GENIUS ignores it (no discounting)`,
        );
      }
    }
    const party = importedParty(label.replace(/\.xml$/i, ''), partyIds, `party-${k + 1}`);
    parties.push(party);
    preferences.push({
      party: party.id,
      source: `GENIUS profile ${label}`,
      basis: 'imported',
      weights: part.weights,
      values: part.values,
      adjustments: part.adjustments,
      redLines: part.redLines,
      batna: 100 * (reservation ?? 0),
      ...(notes.length > 0 ? { notes: notes.join('. ') } : {}),
    });
  });

  const scenario = finishScenario(
    {
      parley: 1,
      id: sanitiseId(domain.name, 'genius-domain'),
      title: domain.name,
      description: `Imported from GENIUS: domain ${baseName(domainXmlPath)}, profiles ${profilePaths.map((p) => baseName(p)).join(', ')}.`,
      parties,
      issues: issues.map(toParleyIssue),
      preferences,
    },
    domainXmlPath,
    report,
  );
  return { scenario, report };
}
