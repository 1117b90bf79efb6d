import { useParams } from 'react-router';
import { paths } from '../../app/paths.js';
import { Placeholder } from '../../app/ui/placeholder.js';
import { useWorkspace } from '../../app/workspace-context.js';

/** A party's confidential preferences (placeholder at its route until the screen lands). */
export default function PreferencesScreen() {
  const { id } = useWorkspace();
  const { party = '' } = useParams();
  return (
    <Placeholder
      title={`Preferences of ${party}`}
      back={{ to: paths.overview(id), label: 'Back to the overview' }}
    />
  );
}
