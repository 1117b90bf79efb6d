/**
 * The chart layer: pure builders from analysis results to chart specs, shared by the static report (rendered to
 * SVG) and the browser (mounted live). Browser-safe: nothing here needs Node.
 */

export { acceptanceChart, type PackageAcceptance } from './acceptance.js';
export type { ChartLayout, ChartSpec, DataTable } from './chart-spec.js';
export { drawnSeries, isNarrow, legendEntries, NARROW_WIDTH } from './chart-spec.js';
export { contrastRatio, readableOn } from './contrast.js';
export { type MountedChart, type MountTarget, mountChart } from './mount.js';
export { type ColourScene, colourScene, type EntityStyle, type SceneEntities } from './palette.js';
export { CHART_TEXT_CSS, compactSvg, renderChartSvg } from './render-svg.js';
export { type TornadoInput, tornadoChart } from './tornado.js';
export { utilitySpaceChart } from './utility-space-chart.js';
export {
  type ChartPackage,
  type ChartParty,
  type ChartSolution,
  reportEntities,
  type UtilitySpaceInput,
  utilitySpaceInput,
} from './utility-space-input.js';
export { whoGainsChart } from './who-gains.js';
