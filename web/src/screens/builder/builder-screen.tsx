import { useSearchParams } from 'react-router';
import { parseOutcome, paths } from '../../app/paths.js';
import { Placeholder } from '../../app/ui/placeholder.js';
import { useWorkspace } from '../../app/workspace-context.js';

/** The package builder and what-if (placeholder at its route until the screen lands). */
export default function BuilderScreen() {
  const { id, detail } = useWorkspace();
  const [query] = useSearchParams();
  const outcome = parseOutcome(query.get('outcome'));
  return (
    <>
      <Placeholder
        title={`Package builder — ${detail.name}`}
        back={{ to: paths.overview(id), label: 'Back to the overview' }}
      />
      {Object.keys(outcome).length > 0 && (
        <p>
          Outcome to load:{' '}
          {Object.entries(outcome)
            .map(([issue, option]) => `${issue} → ${option}`)
            .join(', ')}
        </p>
      )}
    </>
  );
}
