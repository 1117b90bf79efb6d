import { useEffect, useRef } from 'react';
import type { ChartSpec } from '../../../../src/views/charts/chart-spec.js';
import { echarts } from '../../../../src/views/charts/echarts-setup.js';
import { mountChart } from '../../../../src/views/charts/mount.js';

/** What a chart point gives back: its series and its values (utilities in chart-party order). */
export interface ChartPoint {
  series: string;
  values: number[];
}

interface ChartEvents {
  /** Hover text of a point (outcome labels), or undefined for the chart's own tooltip. */
  describe?: (point: ChartPoint) => string | undefined;
  onPick?: (point: ChartPoint) => void;
  /** Parallel coordinates: the values of the first series' lines still selected by axis brushing. */
  onBrush?: (selected: number[][] | undefined) => void;
}

interface PointEvent {
  seriesName?: string;
  value?: unknown;
}

function pointOf(event: PointEvent): ChartPoint | undefined {
  const values = Array.isArray(event.value) ? event.value : undefined;
  if (!values?.every((v) => typeof v === 'number')) return undefined;
  return { series: event.seriesName ?? '', values: values as number[] };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** Series internals used by parallel brushing (documented in the echarts parallel examples). */
interface ParallelSeriesModel {
  getRawIndicesByActiveState(state: 'active'): number[];
  getRawData(): { count(): number };
}

/**
 * A chart of the shared chart layer mounted live (the same spec the report draws): hover shows `describe`,
 * a click calls `onPick`, and brushing the axes of parallel coordinates calls `onBrush`.
 */
export function LiveChart({ spec, describe, onPick, onBrush }: { spec: ChartSpec } & ChartEvents) {
  const element = useRef<HTMLDivElement>(null);
  const events = useRef<ChartEvents>({});
  events.current = { describe, onPick, onBrush };

  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const mounted = mountChart(target, spec);
    const chart = echarts.getInstanceByDom(target);
    if (chart) {
      chart.setOption({
        tooltip: {
          trigger: 'item',
          confine: true,
          formatter: (event: PointEvent) => {
            const point = pointOf(event);
            const text = point && events.current.describe?.(point);
            if (text) return escapeHtml(text).replaceAll('\n', '<br>');
            return escapeHtml(
              `${event.seriesName ?? ''}${point ? `: ${point.values.map((v) => v.toFixed(1)).join(', ')}` : ''}`,
            );
          },
        },
      });
      chart.on('click', (event) => {
        const point = pointOf(event as PointEvent);
        if (point) events.current.onPick?.(point);
      });
      chart.on('axisareaselected', () => {
        const model = (chart as unknown as { getModel(): { getSeries(): ParallelSeriesModel[] } }).getModel();
        const cloud = model.getSeries()[0];
        const option = chart.getOption() as { series?: Array<{ data?: number[][] }> };
        const data = option.series?.[0]?.data ?? [];
        const active = cloud.getRawIndicesByActiveState('active');
        events.current.onBrush?.(
          active.length === cloud.getRawData().count() ? undefined : active.map((k) => data[k]),
        );
      });
    }
    return () => mounted.dispose();
  }, [spec]);

  return (
    <div className="chart-scroll">
      <div ref={element} className="live-chart" style={{ width: spec.width, height: spec.height }} />
    </div>
  );
}
