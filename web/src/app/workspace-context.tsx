import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';
import { Outlet, useParams } from 'react-router';
import { getWorkspace, type WorkspaceDetail } from '../api/workspaces.js';
import { RoleProvider } from './role-context.js';
import { ErrorNotice } from './ui/error-notice.js';
import { useLoad } from './use-load.js';

export interface WorkspaceValue {
  id: string;
  /** The head revision as the caller may see it. */
  detail: WorkspaceDetail;
  /** Loads the head again (after a save, or a conflict). */
  reload(): void;
}

const WorkspaceContext = createContext<WorkspaceValue | null>(null);

/** The open workspace for every screen under /w/:workspace, loaded once and shared. */
export function useWorkspace(): WorkspaceValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside /w/:workspace');
  return value;
}

/** The frame of /w/:workspace/…: loads the workspace, provides it and the caller's role, renders the screen. */
export function WorkspaceFrame({ children }: { children?: ReactNode }) {
  const { workspace = '' } = useParams();
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const load = useLoad((signal) => getWorkspace(workspace, signal), [workspace, generation]);
  if (load.state === 'failed')
    return <ErrorNotice error={load.error} title="This workspace could not be opened" />;
  if (load.state === 'loading') return <p aria-live="polite">Loading the workspace…</p>;
  const value = { id: workspace, detail: load.data, reload };
  return (
    <WorkspaceContext.Provider value={value}>
      <RoleProvider value={{ workspace, membership: load.data.membership }}>
        {children ?? <Outlet />}
      </RoleProvider>
    </WorkspaceContext.Provider>
  );
}
