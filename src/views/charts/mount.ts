import type { ChartSpec } from './chart-spec.js';
import { echarts, withBase } from './echarts-setup.js';

/** The element a chart is mounted in (a DOM element; typed structurally so that this module needs no DOM types). */
export interface MountTarget {
  setAttribute(name: string, value: string): void;
}

export interface MountedChart {
  /** Follows the element's size (call on resize). */
  resize(): void;
  dispose(): void;
}

/** Interaction added to a spec in the browser: tooltips, zoom on value axes, brushing of points. */
function interactive(spec: ChartSpec) {
  const option = withBase(spec.option);
  const grids = option.grid === undefined ? 0 : Array.isArray(option.grid) ? option.grid.length : 1;
  const valueAxes = Array.isArray(option.xAxis)
    ? option.xAxis.map((_, k) => k)
    : option.xAxis && (option.xAxis as { type?: string }).type === 'value'
      ? [0]
      : [];
  return {
    ...option,
    tooltip: { trigger: 'item', confine: true },
    ...(grids > 0 && valueAxes.length > 0
      ? {
          dataZoom: [
            { type: 'inside', xAxisIndex: valueAxes },
            { type: 'inside', yAxisIndex: valueAxes },
          ],
          brush: { xAxisIndex: 'all', brushLink: 'all', toolbox: ['rect', 'clear'] },
        }
      : {}),
  };
}

/**
 * Mounts the same spec the static report draws, live in a browser element (hover, zoom, brush). The element
 * gets the chart's accessible name and description.
 */
export function mountChart(element: MountTarget, spec: ChartSpec): MountedChart {
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', `${spec.title}. ${spec.description}`);
  const chart = echarts.init(element as unknown as Parameters<typeof echarts.init>[0], null, {
    renderer: 'svg',
  });
  chart.setOption(interactive(spec));
  return { resize: () => chart.resize(), dispose: () => chart.dispose() };
}
