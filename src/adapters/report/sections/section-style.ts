/**
 * Styles of the versions and diff sections, scoped by the `pv-` class prefix so that they cannot clash with the
 * rest of a report. Repeating the block when both sections are on one page is harmless.
 */
export const SECTION_STYLE = `<style>
.pv-section { font-family: system-ui, sans-serif; color: #222; line-height: 1.45; max-width: 1100px; }
.pv-section h2 { border-bottom: 2px solid #2f6db5; padding-bottom: 4px; }
.pv-section h3 { margin-top: 1.6em; }
.pv-muted { color: #666; font-size: 0.92em; }
.pv-chart { margin: 0.8em 0; }
.pv-chart figcaption { color: #666; font-size: 0.88em; max-width: 760px; }
.pv-table { border-collapse: collapse; margin: 0.6em 0 1.2em; font-size: 0.92em; }
.pv-table th, .pv-table td { border: 1px solid #ddd; padding: 4px 8px; vertical-align: top; text-align: left; }
.pv-table thead th { background: #f3f5f8; }
.pv-num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.pv-pos { color: #1e7b3c; }
.pv-neg { color: #b3261e; }
.pv-bar { display: inline-block; width: 80px; height: 8px; background: #eee; vertical-align: middle; margin-left: 6px; }
.pv-bar > span { display: block; height: 100%; background: #3a9a5b; }
.pv-section del { background: #fde2e1; color: #8a1c14; text-decoration: line-through; }
.pv-section ins { background: #dcf5e3; color: #145a2a; text-decoration: none; }
.pv-section del + ins { margin-left: 3px; }
.pv-nowrap { white-space: nowrap; }
.pv-kind { font-size: 0.85em; padding: 1px 6px; border-radius: 8px; background: #eef; white-space: nowrap; }
.pv-kind-removed { background: #fde2e1; }
.pv-kind-added { background: #dcf5e3; }
</style>`;
