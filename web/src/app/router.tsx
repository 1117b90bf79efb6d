import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { ImportScreen } from '../screens/import/import-screen.js';
import { OverviewScreen } from '../screens/overview/overview-screen.js';
import { SignInScreen } from '../screens/sign-in/sign-in-screen.js';
import { WorkspaceListScreen } from '../screens/workspaces/workspace-list-screen.js';
import { Layout } from './layout.js';
import { NotFound } from './not-found.js';
import { RequireSession } from './require-session.js';
import { WorkspaceFrame } from './workspace-context.js';

// The heavier screens load on first visit, so sign-in and the lists stay small.
const BuilderScreen = lazy(() => import('../screens/builder/builder-screen.js'));
const AnalysisScreen = lazy(() => import('../screens/analysis/analysis-screen.js'));
const PreferencesScreen = lazy(() => import('../screens/preferences/preferences-screen.js'));

function Later({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p aria-live="polite">Loading…</p>}>{children}</Suspense>;
}

/** The routes of docs/guide/web-app.md (see ./paths.ts). */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/sign-in', element: <SignInScreen /> },
      {
        element: <RequireSession />,
        children: [
          { path: '/', element: <WorkspaceListScreen /> },
          { path: '/import', element: <ImportScreen /> },
          {
            path: '/w/:workspace',
            element: <WorkspaceFrame />,
            children: [
              { index: true, element: <OverviewScreen /> },
              {
                path: 'builder',
                element: (
                  <Later>
                    <BuilderScreen />
                  </Later>
                ),
              },
              {
                path: 'analysis',
                element: (
                  <Later>
                    <AnalysisScreen />
                  </Later>
                ),
              },
              {
                path: 'preferences/:party',
                element: (
                  <Later>
                    <PreferencesScreen />
                  </Later>
                ),
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
