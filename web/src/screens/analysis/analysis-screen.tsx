import { paths } from '../../app/paths.js';
import { Placeholder } from '../../app/ui/placeholder.js';
import { useWorkspace } from '../../app/workspace-context.js';

/** The analysis dashboard (placeholder at its route until the screen lands). */
export default function AnalysisScreen() {
  const { id, detail } = useWorkspace();
  return (
    <Placeholder
      title={`Analysis — ${detail.name}`}
      back={{ to: paths.overview(id), label: 'Back to the overview' }}
    />
  );
}
