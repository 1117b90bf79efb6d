import fc from 'fast-check';
import type { DocumentVersion, Point, Scenario } from '../../src/schema/scenario.js';
import { arbitraryScenario } from '../support/random-scenario.js';

const VOCABULARY = [
  'ceasefire',
  'troops',
  'border',
  'monitors',
  'withdraw',
  'elections',
  'sanctions',
  'fund',
  'guarantee',
  'prisoners',
  'exchange',
  'zone',
  'within',
  'days',
  'all',
  'the',
  'parties',
  'agree',
];

const STATUSES = ['agreed', 'bracketed', 'open', 'rejected'] as const;

/**
 * Random scenarios (small, with preferences) holding one document `doc` with three versions: v1; v2 based on v1;
 * v3 based on v2, on v1, or on nothing. Later versions' points may carry `from:` links into the version they are
 * based on. Texts come from a small vocabulary, so matches by similarity and containment happen often.
 */
export function arbitraryVersionedScenario(options: { adjustments?: boolean } = {}): fc.Arbitrary<Scenario> {
  const adjustments = options.adjustments ?? true;
  return arbitraryScenario({ parties: 3, issues: 4, maxOptions: 3, adjustments, redLines: true }).chain(
    (scenario) => {
      const issues = scenario.issues;
      const settles = fc
        .array(fc.tuple(fc.nat(issues.length - 1), fc.nat(10)), { maxLength: 2 })
        .map((pairs) => {
          const out: Record<string, string> = {};
          for (const [i, k] of pairs) {
            const options = issues[i].options!;
            out[issues[i].id] = options[k % options.length].id;
          }
          return out;
        });
      const status = fc.dictionary(
        fc.constantFrom(...scenario.parties.map((p) => p.id)),
        fc.constantFrom(...STATUSES),
        { maxKeys: 3 },
      );
      const words = (min: number, max: number) =>
        fc.array(fc.constantFrom(...VOCABULARY), { minLength: min, maxLength: max }).map((w) => w.join(' '));
      const rawPoint = fc.record({
        title: words(1, 2),
        text: words(3, 9),
        settles,
        touches: fc.subarray(
          issues.map((i) => i.id),
          { maxLength: Math.min(2, issues.length) },
        ),
        status,
        links: fc.array(fc.nat(7), { maxLength: 2 }),
        origin: fc.nat(7),
        op: fc.constantFrom('copy', 'copy', 'edit', 'concat', 'fresh'),
        edit: fc.tuple(fc.nat(8), fc.constantFrom(...VOCABULARY)),
        sortKey: fc.nat(3),
      });
      const points = fc.array(rawPoint, { minLength: 1, maxLength: 6 });
      return fc
        .tuple(points, points, points, fc.constantFrom('v2', 'v1', 'none'), fc.boolean(), fc.boolean())
        .map(([p1, p2, p3, base3, links2, links3]): Scenario => {
          const build = (
            raw: typeof p1,
            id: string,
            date: string,
            basedOn: DocumentVersion | undefined,
            useLinks: boolean,
          ): DocumentVersion => ({
            id,
            label: id,
            date,
            proposedBy: [],
            basedOn: basedOn ? [basedOn.id] : [],
            sources: [],
            points: [...raw]
              .sort((x, y) => (basedOn ? x.sortKey - y.sortKey : 0))
              .map((r, k): Point => {
                const targets =
                  basedOn && useLinks
                    ? [...new Set(r.links.map((l) => basedOn.points[l % basedOn.points.length].number))]
                    : [];
                const content = { title: r.title, text: r.text, settles: r.settles, touches: r.touches };
                if (basedOn && r.op !== 'fresh') {
                  const origin = basedOn.points[r.origin % basedOn.points.length];
                  const next = basedOn.points[(r.origin + 1) % basedOn.points.length];
                  Object.assign(content, {
                    title: origin.title,
                    text: origin.text,
                    settles: origin.settles,
                    touches: origin.touches,
                  });
                  if (r.op === 'edit') {
                    const w = origin.text.split(' ');
                    w[r.edit[0] % w.length] = r.edit[1];
                    content.text = w.join(' ');
                  }
                  if (r.op === 'concat') content.text = `${origin.text} ${next.text}`;
                }
                return {
                  number: k + 1,
                  ...content,
                  status: r.status,
                  sources: [],
                  ...(targets.length > 0 ? { from: targets.map((n) => `${basedOn!.id}#${n}`) } : {}),
                };
              }),
          });
          const v1 = build(p1, 'v1', '2025-01-01', undefined, false);
          const v2 = build(p2, 'v2', '2025-02-01', v1, links2);
          const v3 = build(
            p3,
            'v3',
            '2025-03-01',
            base3 === 'v2' ? v2 : base3 === 'v1' ? v1 : undefined,
            links3,
          );
          return {
            ...scenario,
            documents: [{ id: 'doc', title: 'Doc', versions: [v1, v2, v3] }],
            packages: [
              { id: 'p12', label: 'p12', proposedBy: [], versions: ['doc:v1'] },
              { id: 'p3', label: 'p3', proposedBy: [], versions: ['doc:v3'] },
            ],
          };
        });
    },
  );
}

export const VERSION_PAIRS: Array<[string, string]> = [
  ['doc:v1', 'doc:v2'],
  ['doc:v1', 'doc:v3'],
  ['doc:v2', 'doc:v3'],
];
