import { useEffect, useRef, useState } from 'react';
import { runAnalysis } from '../../api/analysis.js';
import type { JobView } from '../../api/jobs.js';
import { downloadUrls } from '../../api/workspaces.js';
import { Button } from '../../app/ui/button.js';
import { ErrorNotice } from '../../app/ui/error-notice.js';

type State =
  | { step: 'idle' }
  | { step: 'computing'; progress?: string }
  | { step: 'ready' }
  | { step: 'failed'; error: unknown };

/**
 * The HTML report takes a while on a large scenario: it is computed as a job first (progress shown,
 * cancellable), then downloaded from GET …/report, which finds it computed.
 */
export function ReportDownload({ workspace, fileName }: { workspace: string; fileName: string }) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const prepare = async () => {
    controller.current = new AbortController();
    setState({ step: 'computing' });
    try {
      await runAnalysis(
        workspace,
        'report',
        {},
        {
          signal: controller.current.signal,
          onProgress: (job: JobView) => setState({ step: 'computing', progress: job.progress.step }),
        },
      );
      setState({ step: 'ready' });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') setState({ step: 'idle' });
      else setState({ step: 'failed', error });
    }
  };

  if (state.step === 'ready') {
    return (
      <a className="btn btn-primary" href={downloadUrls(workspace).report} download={fileName}>
        Download the report (HTML)
      </a>
    );
  }
  return (
    <div className="report-download">
      {state.step === 'computing' ? (
        <>
          <p aria-live="polite">Computing the report{state.progress ? `: ${state.progress}` : ''}…</p>
          <Button onClick={() => controller.current?.abort()}>Cancel</Button>
        </>
      ) : (
        <Button onClick={prepare}>Prepare the report (HTML)</Button>
      )}
      {state.step === 'failed' && <ErrorNotice error={state.error} title="No report" />}
    </div>
  );
}
