export { type AnalysisBodies, type AnalysisKind, type AnalysisResults, runAnalysis } from './analysis.js';
export { type ApiAnswer, ApiClient, api, type RequestOptions } from './client.js';
export { type ApiIssue, ApiRequestError, ConflictError, NetworkError, SignedOutError } from './errors.js';
export { type ImportedWorkspace, importDomain } from './imports.js';
export { cancelJob, type FollowOptions, followJob, type JobView } from './jobs.js';
export { fetchSession, type SessionState, type SessionUser, signIn, signOut } from './session.js';
export * from './workspaces.js';
