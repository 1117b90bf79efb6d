import type { CompiledScenario } from '../../../core/model/compile.js';
import { formatTrace } from '../../../core/simulation/format-trace.js';
import type { ReferenceResult } from '../../../core/simulation/outcome-reference.js';
import { roundLabel, roundsPlayed, shownRound } from '../../../core/simulation/round-label.js';
import type { Run } from '../../../core/simulation/trace.js';
import { type OfferTrack, offerParallel, offerScatter, type RoundSeries, roundLines } from '../charts.js';
import { escapeHtml, htmlTable, type Section } from '../html.js';

export interface SimulationSectionInput {
  run: Run;
  /** The scenario the run was played on (for party names and option labels). */
  compiled: CompiledScenario;
  /** Frontier and bargaining solutions, or why there are none. */
  reference?: ReferenceResult;
  id?: string;
  title?: string;
}

const fixed = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(digits);

/** Per party, the utility vectors of the offers it made (the mediator's texts under a single text). */
export function offerTracks(run: Run): OfferTrack[] {
  const byParty = new Map<string, number[][]>();
  for (const e of run.events ?? []) {
    if ((e.action !== 'offer' && e.action !== 'text') || !e.utilities) continue;
    const list = byParty.get(e.party) ?? [];
    list.push(e.utilities);
    byParty.set(e.party, list);
  }
  // In turn order (the mediator last), so colours match the parties' in the other chart.
  const order = (name: string) =>
    run.parties.includes(name) ? run.parties.indexOf(name) : run.parties.length;
  return [...byParty].sort((a, b) => order(a[0]) - order(b[0])).map(([name, points]) => ({ name, points }));
}

/**
 * Each negotiator's own utility over rounds: of the offers it made (alternating offers), or of the mediator's
 * text (single text).
 */
export function utilitySeries(run: Run): RoundSeries[] {
  const series: RoundSeries[] = run.parties.map((party) => ({ name: party, points: [] }));
  for (const e of run.events ?? []) {
    if (!e.utilities) continue;
    if (e.action === 'text') {
      run.parties.forEach((_, k) => {
        series[k].points.push([shownRound(e.round), e.utilities?.[k] as number]);
      });
    } else if (e.action === 'offer') {
      const k = run.parties.indexOf(e.party);
      if (k >= 0) series[k].points.push([shownRound(e.round), e.utilities[k]]);
    }
  }
  if (!run.timeline) {
    // Without a timeline the BATNA is the same in every round.
    run.results.forEach((r, k) => {
      series.push({
        name: `${r.party} BATNA`,
        reference: true,
        color: k,
        points: [
          [shownRound(0), r.batna],
          [Math.max(shownRound(run.outcome.round), 2), r.batna],
        ],
      });
    });
  }
  return series;
}

/** A report section for one simulated negotiation: result, metrics, charts and the round-by-round account. */
export function simulationSection(input: SimulationSectionInput): Section {
  const { run, compiled, reference } = input;
  const space = compiled.space;
  const nameOf = (id: string) => compiled.scenario.parties.find((p) => p.id === id)?.name ?? id;
  const o = run.outcome;
  const protocol =
    run.protocol === 'single-text'
      ? `single negotiating text with a ${run.mediator?.strategy ?? ''} mediator`
      : 'alternating offers';
  const parts: string[] = [];
  parts.push(
    `<p>${escapeHtml(
      `${protocol}, ${run.parties.length} negotiators, deadline ${run.deadlineRounds} rounds, seed ${run.seed}, ` +
        `true preferences: ${run.preferences === 'estimate' ? "the analysts' estimates" : `one draw within the ranges (seed ${run.realisationSeed})`}, ` +
        `${run.conventions} conventions.`,
    )}</p>`,
  );
  const when = `${roundLabel(o.round, run.deadlineRounds)}${o.date ? ` (${o.date})` : ''}, ${roundsPlayed(run.metrics.rounds)}`;
  parts.push(
    o.agreement
      ? `<p><span class="yes">Agreement</span> in ${escapeHtml(when)}.</p>`
      : `<p><span class="no">No agreement</span> (${escapeHtml(o.endedBy)}${o.by ? ` by ${escapeHtml(o.by)}` : ''}) in ${escapeHtml(when)}.</p>`,
  );
  parts.push(
    htmlTable(
      ['party', 'strategy', 'utility', 'discounted', 'BATNA', 'concession rate', 'offers', 'faults'],
      run.results.map((r) => [
        `${nameOf(r.party)} (${r.party})`,
        r.strategy,
        Number(r.utility.toFixed(1)),
        Number(r.discountedUtility.toFixed(1)),
        Number(r.batna.toFixed(1)),
        r.concessionRate === null ? 'n/a' : r.concessionRate.toFixed(2),
        r.offers,
        r.faults,
      ]),
    ),
  );
  const m = run.metrics;
  const metrics: Array<[string, string]> = [
    ['rounds played', String(m.rounds)],
    ['social welfare (sum of utilities)', fixed(m.socialWelfare)],
    ['discounted welfare', fixed(m.discountedWelfare)],
  ];
  if (m.paretoDistance !== undefined)
    metrics.push(['distance to the Pareto frontier', fixed(m.paretoDistance, 2)]);
  if (m.nashDistance !== undefined) metrics.push(['distance to the Nash point', fixed(m.nashDistance, 2)]);
  if (m.kalaiDistance !== undefined) metrics.push(['distance to the Kalai point', fixed(m.kalaiDistance, 2)]);
  parts.push(htmlTable(['metric', 'value'], metrics));
  if (reference && !reference.available) {
    parts.push(`<p class="note">No reference: ${escapeHtml(reference.reason)}.</p>`);
  } else if (reference?.available) {
    const refNotes = [
      `Frontier of the ${reference.withinRedLines} outcomes crossing no negotiator's red line (of ${reference.outcomes}): ${reference.frontierSize} points; agreement zone ${reference.agreementZone} outcomes.`,
      ...reference.notes,
    ];
    parts.push(`<p class="note">${escapeHtml(refNotes.join(' '))}</p>`);
  }

  if (o.agreement && o.outcome) {
    const agreed = o.outcome;
    parts.push('<h3>Agreed outcome</h3>');
    parts.push(
      htmlTable(
        ['issue', 'option'],
        space.issues.map((issue, i) => [issue.title, issue.labels[agreed[i]] ?? issue.optionIds[agreed[i]]]),
      ),
    );
  }

  if (run.events && run.events.length > 0) {
    const charts: string[] = [];
    charts.push(
      roundLines(
        run.protocol === 'single-text'
          ? "Each party's utility of the mediator's text"
          : "Each party's utility of its own offers",
        'utility',
        utilitySeries(run),
      ),
    );
    const marks: Array<{ name: string; utilities: number[] }> = [];
    if (o.agreement) marks.push({ name: 'agreement', utilities: m.utilities });
    if (reference?.available && reference.nash)
      marks.push({ name: 'Nash', utilities: reference.nash.utilities });
    if (reference?.available && reference.kalai)
      marks.push({ name: 'Kalai', utilities: reference.kalai.utilities });
    const offerSpace = {
      parties: run.parties,
      frontier: reference?.available ? reference.frontier : [],
      batna: run.results.map((r) => r.batna),
      offers: offerTracks(run),
      marks,
    };
    charts.push(run.parties.length === 2 ? offerScatter(offerSpace) : offerParallel(offerSpace));
    parts.push(`<div class="charts">${charts.map((c) => `<div>${c}</div>`).join('')}</div>`);
    const account = formatTrace(run, {
      space,
      outcomes: space.issues.length > 5 ? 'changes' : 'full',
      summary: false,
    });
    parts.push(
      `<details><summary>Round-by-round account (${run.events.length} events)</summary><pre>${escapeHtml(account)}</pre></details>`,
    );
  } else {
    parts.push('<p class="note">The trace was not recorded, so there are no charts of the offers.</p>');
  }
  for (const f of run.faults)
    parts.push(
      `<p class="note">Fault: ${escapeHtml(`${f.party} in ${roundLabel(f.round, run.deadlineRounds)}: ${f.kind}: ${f.message}`)}</p>`,
    );
  for (const note of run.notes) parts.push(`<p class="note">Note: ${escapeHtml(note)}</p>`);
  return {
    id: input.id ?? 'simulation',
    title: input.title ?? 'Simulated negotiation',
    html: parts.join('\n'),
  };
}
