import type { DocumentVersion, Point, Scenario } from '../../src/schema/scenario.js';
import { tinyScenario } from '../support/tiny-scenario.js';

export function point(number: number, title: string, text: string, extra: Partial<Point> = {}): Point {
  return { number, title, text, settles: {}, touches: [], status: {}, sources: [], ...extra };
}

export function version(
  id: string,
  date: string,
  points: Point[],
  extra: Partial<DocumentVersion> = {},
): DocumentVersion {
  return { id, label: id.toUpperCase(), date, proposedBy: [], basedOn: [], sources: [], points, ...extra };
}

/** The tiny scenario (issues land / troops / money, parties a, b, m) with one extra document `doc`. */
export function scenarioWithVersions(versions: DocumentVersion[], extra: Partial<Scenario> = {}): Scenario {
  const base = tinyScenario();
  return {
    ...base,
    documents: [...base.documents, { id: 'doc', title: 'Test document', versions }],
    ...extra,
  };
}

/** Texts long and distinct enough that similarity tells them apart. */
export const TEXTS = {
  ceasefire: 'All hostilities cease along the line of contact within seventy two hours of signature.',
  monitors: 'An international mission monitors the ceasefire with unrestricted access to the zone.',
  prisoners: 'Both sides exchange all prisoners of war on an all for all basis within one month.',
  elections: 'Elections are held within one hundred days under observation by independent organisations.',
  sanctions: 'Sanctions are lifted in stages as each obligation of this plan is verified as fulfilled.',
  reconstruction:
    'A reconstruction fund financed by frozen assets pays for rebuilding homes and power plants.',
};

/** Two versions with per-party statuses, and packages `early` (doc:v1) and `late` (doc:v2 + plan:v2). */
export const statusScenario = (): Scenario =>
  scenarioWithVersions(
    [
      version('v1', '2025-01-01', [
        point(1, 'Ceasefire', TEXTS.ceasefire, { status: { a: 'agreed', b: 'bracketed' } }),
        point(2, 'Monitors', TEXTS.monitors, { status: { a: 'agreed', b: 'agreed' } }),
      ]),
      version(
        'v2',
        '2025-02-01',
        [
          point(1, 'Ceasefire', TEXTS.ceasefire, { from: 'v1#1', status: { a: 'agreed', b: 'agreed' } }),
          point(2, 'Monitors', TEXTS.monitors, { from: 'v1#2', status: { a: 'agreed', b: 'agreed' } }),
          point(3, 'Sanctions', TEXTS.sanctions, { status: { a: 'rejected', m: 'agreed' } }),
        ],
        { basedOn: ['v1'] },
      ),
    ],
    {
      packages: [
        { id: 'early', label: 'Early', proposedBy: [], versions: ['doc:v1'] },
        { id: 'late', label: 'Late', proposedBy: [], versions: ['doc:v2', 'plan:v2'] },
      ],
    },
  );
