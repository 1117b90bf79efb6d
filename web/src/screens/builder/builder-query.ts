/** What the builder's URL says: `?package=<id>&outcome=<issue>:<option>,…&at=<date>` (the routes' contract). */
export interface BuilderQuery {
  package?: string;
  outcome: Record<string, string>;
  at?: string;
}

/** Reads the builder's query string; pairs without a colon are ignored (a hand-edited URL). */
export function parseBuilderQuery(search: string): BuilderQuery {
  const params = new URLSearchParams(search);
  const outcome: Record<string, string> = {};
  for (const pair of (params.get('outcome') ?? '').split(',')) {
    const colon = pair.indexOf(':');
    if (colon > 0 && colon < pair.length - 1) outcome[pair.slice(0, colon)] = pair.slice(colon + 1);
  }
  const pkg = params.get('package') || undefined;
  const at = params.get('at') || undefined;
  return { ...(pkg ? { package: pkg } : {}), outcome, ...(at ? { at } : {}) };
}

/** The query string for a builder state, in issue order given by `order` so that equal states give equal URLs. */
export function formatBuilderQuery(query: BuilderQuery, order: readonly string[] = []): string {
  const rank = (issue: string) => {
    const k = order.indexOf(issue);
    return k < 0 ? order.length : k;
  };
  const pairs = Object.entries(query.outcome)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([issue, option]) => `${issue}:${option}`);
  const params = new URLSearchParams();
  if (query.package) params.set('package', query.package);
  if (pairs.length > 0) params.set('outcome', pairs.join(','));
  if (query.at) params.set('at', query.at);
  // Colons and commas are legal in a query and easier to read and share unescaped.
  return params.toString().replace(/%3A/g, ':').replace(/%2C/g, ',');
}
