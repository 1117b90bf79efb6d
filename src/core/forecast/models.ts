/** The forecasting models, in the order they are reported. */
export const FORECAST_MODELS = ['mean', 'median', 'condorcet', 'bdm', 'smp'] as const;
export type ForecastModel = (typeof FORECAST_MODELS)[number];

/** Expands `all` and removes repeats, keeping the canonical order. */
export function expandModels(requested: readonly string[]): ForecastModel[] {
  const wanted = new Set(requested.includes('all') ? FORECAST_MODELS : requested);
  return FORECAST_MODELS.filter((m) => wanted.has(m));
}
