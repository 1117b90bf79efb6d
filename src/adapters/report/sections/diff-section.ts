import {
  BASIS_WORDS,
  type Impact,
  type IssueChange,
  KIND_WORDS,
  type PackageDiff,
  type PointDiff,
  settlesText,
  type VersionDiff,
  type VersionSummary,
  type WordDiffPart,
} from '../../../core/versions/index.js';
import { escapeHtml } from '../html.js';
import { SECTION_STYLE } from './section-style.js';

const fixed = (x: number) => (Math.abs(x) < 0.05 ? '0.0' : x.toFixed(1));
const signed = (x: number) =>
  Math.abs(x) < 0.05 ? '±0.0' : x > 0 ? `+${x.toFixed(1)}` : `−${(-x).toFixed(1)}`;
const tone = (x: number) => (Math.abs(x) < 0.05 ? '' : x > 0 ? 'pv-pos' : 'pv-neg');

/** A word diff as HTML: removed runs in <del>, added runs in <ins>, line breaks between joined points kept. */
export function wordDiffHtml(parts: WordDiffPart[]): string {
  // A text rewritten as a whole reads best as two paragraphs.
  const whole = parts.length === 2 && parts[0].kind === 'removed' && parts[1].kind === 'added';
  if (whole) {
    const [before, after] = parts.map((p) => escapeHtml(p.text).replace(/\n/g, '<br>'));
    return `<del>${before}</del><br><ins>${after}</ins>`;
  }
  return parts
    .map((p) => {
      const text = escapeHtml(p.text).replace(/\n/g, '<br>');
      return p.kind === 'same' ? text : p.kind === 'added' ? `<ins>${text}</ins>` : `<del>${text}</del>`;
    })
    .join('');
}

const numbers = (ps: PointDiff['before']) => ps.map((p) => `#${p.number}`).join(' + ') || '—';
const joinedText = (ps: PointDiff['before']) => ps.map((p) => escapeHtml(p.text)).join('<br>');

function pointText(p: PointDiff): string {
  if (p.kind === 'removed') return `<del>${joinedText(p.before)}</del>`;
  if (p.kind === 'added') return `<ins>${joinedText(p.after)}</ins>`;
  if (p.textDiff) return wordDiffHtml(p.textDiff);
  if (p.textChanged) return `<del>${joinedText(p.before)}</del><br><ins>${joinedText(p.after)}</ins>`;
  return `<span class="pv-muted">${joinedText(p.after)}</span>`;
}

function pointTitle(p: PointDiff): string {
  if (p.titleDiff) return wordDiffHtml(p.titleDiff);
  const side = p.after.length > 0 ? p.after : p.before;
  return escapeHtml(side.map((x) => x.title).join(' / '));
}

function pointRow(p: PointDiff): string {
  const basis = [...new Set(p.links.map((l) => BASIS_WORDS[l.basis] ?? l.basis))].join(' + ');
  const how =
    p.kind === 'removed' || p.kind === 'added'
      ? p.nearest
        ? `closest: #${p.nearest.number} (similarity ${p.nearest.score.toFixed(2)})`
        : ''
      : `${basis}, confidence ${p.confidence.toFixed(2)}`;
  const settlement = p.settlementChanged
    ? `${escapeHtml(settlesText(p.before))} → ${escapeHtml(settlesText(p.after))}`
    : '<span class="pv-muted">same</span>';
  return `<tr>
<td><span class="pv-kind pv-kind-${p.kind}">${KIND_WORDS[p.kind]}</span></td>
<td class="pv-num">${numbers(p.before)}</td>
<td class="pv-num">${numbers(p.after)}</td>
<td>${pointTitle(p)}</td>
<td>${pointText(p)}</td>
<td>${settlement}</td>
<td class="pv-muted">${escapeHtml(how)}</td>
</tr>`;
}

function pointsTable(points: PointDiff[]): string {
  const changed = points.filter((p) => p.kind !== 'kept');
  const kept = points.filter((p) => p.kind === 'kept');
  const keptLine =
    kept.length > 0
      ? `<p class="pv-muted">Unchanged: ${kept.map((p) => numbers(p.after)).join(', ')}.</p>`
      : '';
  if (changed.length === 0) return `<p>No point changed.</p>${keptLine}`;
  return `<table class="pv-table" tabindex="0">
<thead><tr><th>change</th><th>before</th><th>after</th><th>title</th><th>text (<del>removed</del> <ins>added</ins>)</th><th>settles</th><th>matched by</th></tr></thead>
<tbody>
${changed.map(pointRow).join('\n')}
</tbody>
</table>
${keptLine}`;
}

const stateText = (s: IssueChange['before']) =>
  s.status === 'open'
    ? 'open'
    : s.status === 'conflict'
      ? `in conflict (${s.labels.join(' vs ')})`
      : s.status === 'deferred'
        ? `${s.labels[0]} (deferred)`
        : s.labels[0];

const refText = (r: { document: string; version: string; number: number }) =>
  `${r.document}:${r.version}#${r.number}`;

function issuesTable(issues: IssueChange[], unresolved: VersionDiff['unresolved']): string {
  const rows = issues.map(
    (c) =>
      `<tr><td>${escapeHtml(c.title)}</td><td>${escapeHtml(stateText(c.before))}</td><td>${escapeHtml(stateText(c.after))}</td><td>${escapeHtml(c.kind)}</td><td class="pv-muted">${escapeHtml([...c.pointsBefore, ...c.pointsAfter].map(refText).join(', '))}</td></tr>`,
  );
  const table =
    issues.length === 0
      ? '<p>No issue is settled differently.</p>'
      : `<table class="pv-table" tabindex="0">
<thead><tr><th>issue</th><th>before</th><th>after</th><th>change</th><th>points</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
  const open = unresolved.map((u) => {
    const touched =
      u.touchedBy.length > 0
        ? `, addressed by ${u.touchedBy.map(refText).join(', ')} without settling it`
        : '';
    return `<li>${escapeHtml(`${u.title} (${u.status}${touched}${u.unresolvedBefore ? '' : ', newly unresolved'})`)}</li>`;
  });
  return `${table}${open.length > 0 ? `<p><strong>Still unresolved</strong></p><ul>${open.join('')}</ul>` : ''}`;
}

function rangeText(s: { min: number; max: number; scalar: number }): string {
  return Math.abs(s.max - s.min) < 0.05
    ? fixed(s.scalar)
    : `${fixed(s.min)}–${fixed(s.max)} (mid ${fixed(s.scalar)})`;
}

function impactTables(impact: Impact, issues: IssueChange[]): string {
  if (impact.parties.length === 0) return '<p>No party has preferences in the scenario.</p>';
  const partyRows = impact.parties.map((p) => {
    const accept =
      p.before.acceptable === p.after.acceptable
        ? p.after.acceptable
        : `${p.before.acceptable} → ${p.after.acceptable}`;
    return `<tr><td>${escapeHtml(p.name)}</td><td class="pv-num">${rangeText(p.before)}</td><td class="pv-num">${rangeText(p.after)}</td><td class="pv-num ${tone(p.delta)}">${signed(p.delta)}</td><td class="pv-num">${fixed(p.batna.estimate)}</td><td>${escapeHtml(accept)}</td></tr>`;
  });
  const a = impact.attribution;
  const how =
    a.method === 'exact'
      ? `exact Shapley values over ${a.players} change${a.players === 1 ? '' : 's'}`
      : `Shapley values estimated from ${a.samples} random orders (seed ${a.seed}; largest standard error ${(a.maxStandardError ?? 0).toFixed(2)})`;
  const head = impact.parties.map((p) => `<th>${escapeHtml(p.name)}</th>`).join('');
  const attributionRows = a.changes.map((c) => {
    const issue = issues[c.change];
    const cells = c.shares
      .map((s) => {
        const error =
          s.standardError !== undefined ? ` title="standard error ${s.standardError.toFixed(3)}"` : '';
        return `<td class="pv-num ${tone(s.value)}"${error}>${signed(s.value)}</td>`;
      })
      .join('');
    return `<tr><td>${escapeHtml(issue.title)}<br><span class="pv-muted">${escapeHtml(`${stateText(issue.before)} → ${stateText(issue.after)}`)}</span></td>${cells}</tr>`;
  });
  const totals = a.totals
    .map((t) => `<td class="pv-num ${tone(t.total)}"><strong>${signed(t.total)}</strong></td>`)
    .join('');
  const attribution =
    a.changes.length === 0
      ? ''
      : `<p><strong>Who gains from each change</strong> <span class="pv-muted">(${escapeHtml(how)}; each cell is the change's share of the party's change in the range midpoint; the shares add up to the total)</span></p>
<table class="pv-table" tabindex="0">
<thead><tr><th>issue change</th>${head}</tr></thead>
<tbody>
${attributionRows.join('\n')}
<tr><td><strong>total</strong></td>${totals}</tr>
</tbody>
</table>`;
  const moved = impact.parties.flatMap((p) =>
    p.redLines
      .filter((r) => r.transition !== 'unchanged')
      .map(
        (r) =>
          `<li>${escapeHtml(`${p.name} '${r.id}' (${r.description}): ${r.transition.replace('-', ' ')} (${r.before} → ${r.after})`)}</li>`,
      ),
  );
  const v = impact.verdict;
  const verdict = (x: string, y: string) => (x === y ? `${y} (unchanged)` : `${x} → ${y}`);
  return `<table class="pv-table" tabindex="0">
<thead><tr><th>party</th><th>before</th><th>after</th><th>change (midpoint)</th><th>BATNA</th><th>acceptable</th></tr></thead>
<tbody>
${partyRows.join('\n')}
</tbody>
</table>
<p class="pv-muted">Utility on 0–100 over the outcomes the text leaves open; a range when issues stay open. The midpoint of the range is a convention, not a forecast.</p>
${attribution}
${moved.length > 0 ? `<p><strong>Red lines</strong></p><ul>${moved.join('')}</ul>` : ''}
<p><strong>Verdict</strong> (acceptable to every signatory): ${escapeHtml(verdict(v.before, v.after))}; allowing for the estimates' ranges: ${escapeHtml(verdict(v.beforeUnderUncertainty, v.afterUnderUncertainty))}</p>
${v.reasonsAfter.length > 0 ? `<ul class="pv-muted">${v.reasonsAfter.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>` : ''}`;
}

const describe = (v: VersionSummary) =>
  `${v.ref} “${v.label}” (${v.date}${v.proposedBy.length > 0 ? `, proposed by ${v.proposedBy.join(', ')}` : ''})`;

function versionDiffHtml(diff: VersionDiff): string {
  return `<h2>What changed: ${escapeHtml(diff.before.ref)} → ${escapeHtml(diff.after.ref)}</h2>
<p>${escapeHtml(describe(diff.before))} → ${escapeHtml(describe(diff.after))}. Relation: ${escapeHtml(diff.relation)}. ${diff.before.pointCount} points before, ${diff.after.pointCount} after.</p>
<h3>Points</h3>
${pointsTable(diff.points)}
<h3>Issues</h3>
${issuesTable(diff.issues, diff.unresolved)}
<h3>Who gains</h3>
${impactTables(diff.impact, diff.issues)}
${diff.notes.length > 0 ? `<ul class="pv-muted">${diff.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : ''}`;
}

function packageDiffHtml(diff: PackageDiff): string {
  const name = (p: PackageDiff['before']) => (p.id ? `${p.label ?? p.id} (${p.id})` : p.versions.join(' + '));
  const documents = diff.documents.map((d) => {
    const heading =
      d.status === 'paired'
        ? `${d.title}: ${d.before!.ref} → ${d.after!.ref}`
        : d.status === 'added'
          ? `${d.title}: new in this package (${d.after!.ref})`
          : `${d.title}: no longer in the package (was ${d.before!.ref})`;
    return `<h3>${escapeHtml(heading)}</h3>\n${pointsTable(d.points)}`;
  });
  const notes = [...diff.notes, ...diff.documents.flatMap((d) => (d.status === 'paired' ? d.notes : []))];
  return `<h2>What changed: package ${escapeHtml(name(diff.before))} → ${escapeHtml(name(diff.after))}</h2>
${documents.join('\n')}
<h3>Issues (the package as a whole)</h3>
${issuesTable(diff.issues, diff.unresolved)}
<h3>Who gains</h3>
${impactTables(diff.impact, diff.issues)}
${notes.length > 0 ? `<ul class="pv-muted">${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : ''}`;
}

/**
 * A diff as an HTML fragment: the point changes with word diffs (<del>/<ins>), the issues settled differently,
 * and each party's gain or loss with its Shapley attribution to the issue changes.
 */
export function diffSection(diff: VersionDiff | PackageDiff): string {
  const body = diff.format === 'parley.package-diff' ? packageDiffHtml(diff) : versionDiffHtml(diff);
  return `<section class="pv-section pv-diff">
${SECTION_STYLE}
${body}
</section>`;
}
