import type { TornadoView, TypicalView } from '../../../app/privacy/redact-summary.js';
import type { Proportion } from '../../../core/statistics/index.js';
import { tornadoChart } from '../../../views/charts/tornado.js';
import { responsiveFigure } from '../chart-figure.js';
import { escapeHtml, htmlTable } from '../html.js';
import { WITHHELD } from '../withheld.js';

const share = (p: Proportion | undefined) =>
  p
    ? `${(p.p * 100).toFixed(1)}% (${(p.ci95[0] * 100).toFixed(1)}–${(p.ci95[1] * 100).toFixed(1)}%)`
    : WITHHELD;

function typicalTable(typical: TypicalView): string {
  const own = typical.packages[0]?.parties[0];
  const head = [
    'package',
    'all accept, typical completion',
    own ? `${own.name} accepts, typical` : 'your acceptance',
  ];
  const rows = typical.packages.map((p) => [p.id, share(p.allAccept), share(p.parties[0]?.accept)]);
  return `<p class="note">Typical completion: ${typical.samples.toLocaleString('en-US')} draws, open issues settled at random and each estimate drawn from a ${escapeHtml(typical.distribution)} distribution over its range, seed ${escapeHtml(String(typical.seed))}; 95% Wilson intervals.</p>${htmlTable(head, rows)}`;
}

function tornadoFigure(tornado: TornadoView): string {
  const party = tornado.parties[0];
  if (!party) return '';
  if (tornado.bars.length === 0)
    return `<p>None of your estimates with a range bears on your verdict on <code>${escapeHtml(tornado.package)}</code>.</p>`;
  return responsiveFigure((layout) =>
    tornadoChart(
      {
        subject: `${tornado.package}: ${party.name} accepts`,
        measure: 'margin: worst utility over the completions minus the BATNA (points)',
        atEstimates: party.margin,
        threshold: 0,
        bars: tornado.bars.map((b) => ({
          estimate: b.estimate,
          atLow: b.marginAtLow,
          atHigh: b.marginAtHigh,
        })),
      },
      layout,
    ),
  );
}

/** Robustness as a party sees it: its own acceptance and the tornado of its own estimates; the rest withheld. */
export function partyRobustnessSection(typical: TypicalView | undefined, tornadoes: TornadoView[]): string {
  const parts: string[] = [];
  if (typical) parts.push(typicalTable(typical));
  const figures = tornadoes.map(tornadoFigure).filter(Boolean);
  if (figures.length > 0) {
    parts.push(
      `<h3>Which of your estimates decide your verdict</h3><p class="note">Each of your estimates moved alone to the ends of its range; a bar crossing zero flips your verdict. Other parties’ estimates and margins: ${WITHHELD}.</p><div class="charts">${figures.join('')}</div>`,
    );
  } else {
    parts.push(
      `<p>Which estimates flip each verdict: ${WITHHELD} (they are other parties’ private estimates).</p>`,
    );
  }
  return parts.join('\n');
}
