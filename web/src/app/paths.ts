/**
 * The app's routes: the contract between screens. A screen links to another only through these builders, so a
 * route's shape is written once.
 */
export const ROUTES = {
  signIn: '/sign-in',
  workspaces: '/',
  overview: '/w/:workspace',
  builder: '/w/:workspace/builder',
  analysis: '/w/:workspace/analysis',
  preferences: '/w/:workspace/preferences/:party',
  import: '/import',
} as const;

const seg = encodeURIComponent;

/** An outcome as the builder's `outcome=` parameter holds it: issue → option. */
export type OutcomeSelection = Record<string, string>;

export interface BuilderQuery {
  package?: string;
  outcome?: OutcomeSelection;
  /** A calendar date (YYYY-MM-DD) for dated BATNAs. */
  at?: string;
}

export const paths = {
  signIn: (returnTo?: string) =>
    returnTo && returnTo !== '/' ? `/sign-in?returnTo=${seg(returnTo)}` : '/sign-in',
  workspaces: () => '/',
  overview: (workspace: string) => `/w/${seg(workspace)}`,
  analysis: (workspace: string) => `/w/${seg(workspace)}/analysis`,
  preferences: (workspace: string, party: string) => `/w/${seg(workspace)}/preferences/${seg(party)}`,
  import: () => '/import',
  builder: (workspace: string, query: BuilderQuery = {}) => {
    const params = new URLSearchParams();
    if (query.package) params.set('package', query.package);
    if (query.outcome && Object.keys(query.outcome).length > 0) {
      params.set('outcome', formatOutcome(query.outcome));
    }
    if (query.at) params.set('at', query.at);
    const search = params.toString();
    return `/w/${seg(workspace)}/builder${search ? `?${search}` : ''}`;
  },
};

/** `issue:option,issue:option` (ids contain neither ':' nor ','). */
export function formatOutcome(outcome: OutcomeSelection): string {
  return Object.entries(outcome)
    .map(([issue, option]) => `${issue}:${option}`)
    .join(',');
}

/** Reads `outcome=`; pairs that are not `issue:option` are left out (the builder reports unknown ids). */
export function parseOutcome(text: string | null): OutcomeSelection {
  const outcome: OutcomeSelection = {};
  for (const pair of (text ?? '').split(',')) {
    const [issue, option, ...rest] = pair.split(':');
    if (issue && option && rest.length === 0) outcome[issue] = option;
  }
  return outcome;
}
