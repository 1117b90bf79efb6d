import type { Adjustment, IssueValues, RedLine } from '../../schema/scenario.js';
import type { GeniusDomain, GeniusIssue } from './genius-domain.js';
import { InteropError } from './interop-error.js';
import type { InteropReport } from './interop-report.js';
import type { ImportedIssue } from './scenario-assembly.js';
import type { XmlElement } from './xml-tree.js';

/** What a GENIUS profile reader needs: the profile's root, the domain it belongs to, and the report. */
export interface GeniusProfileContext {
  file: string;
  /** The file name shown in messages. */
  label: string;
  /** The <utility_space> element. */
  root: XmlElement;
  domain: GeniusDomain;
  /** The domain's issues with their Parley ids, parallel to domain.issues. */
  issues: ImportedIssue[];
  report: InteropReport;
}

/** The utility part of a Parley preferences entry. */
export interface ProfilePart {
  weights: Record<string, number>;
  values: Record<string, IssueValues>;
  adjustments: Adjustment[];
  redLines: RedLine[];
  notes: string[];
}

export function emptyPart(): ProfilePart {
  return { weights: {}, values: {}, adjustments: [], redLines: [], notes: [] };
}

/** The domain issue (and its Parley form) that a profile's `index` refers to. */
export function issueByIndex(
  context: GeniusProfileContext,
  index: number,
  where: string,
): { issue: GeniusIssue; imported: ImportedIssue } {
  const position = context.domain.issues.findIndex((i) => i.index === index);
  if (position < 0) {
    throw new InteropError(
      context.file,
      `${where} refers to issue index ${index}, which the domain does not define`,
    );
  }
  return { issue: context.domain.issues[position], imported: context.issues[position] };
}
