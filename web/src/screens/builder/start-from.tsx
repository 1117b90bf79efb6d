import { useId, useState } from 'react';
import type { Scenario } from '../../../../src/schema/scenario.js';
import { Button } from '../../app/ui/button.js';
import { postWhatIf } from './builder-api.js';

/** Start from a package (kept as the package, refined by choices) or a document version (loaded as choices). */
export function StartFrom(props: {
  scenario: Scenario;
  workspace: string;
  current?: string;
  onPackage(id: string): void;
  onOutcome(outcome: Record<string, string>, title: string): void;
  onClear(): void;
}) {
  const id = useId();
  const [failure, setFailure] = useState<string>();
  const start = async (value: string) => {
    setFailure(undefined);
    if (value.startsWith('package:')) return props.onPackage(value.slice('package:'.length));
    if (!value.startsWith('version:')) return props.onClear();
    const ref = value.slice('version:'.length);
    try {
      const answer = await postWhatIf(props.workspace, { versions: [ref] });
      const settled = Object.fromEntries(answer.evaluation.settled.map((s) => [s.issue, s.option]));
      props.onOutcome(settled, `the version ${ref}`);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'the version could not be read');
    }
  };
  return (
    <div className="builder-start field">
      <label htmlFor={id}>Start from</label>
      <select
        id={id}
        value={props.current ? `package:${props.current}` : ''}
        onChange={(e) => void start(e.target.value)}
      >
        <option value="">— your own choices —</option>
        <optgroup label="Packages">
          {props.scenario.packages.map((p) => (
            <option key={p.id} value={`package:${p.id}`}>
              {p.label}
            </option>
          ))}
        </optgroup>
        {props.scenario.documents.map((d) => (
          <optgroup key={d.id} label={d.title}>
            {d.versions.map((v) => (
              <option key={v.id} value={`version:${d.id}:${v.id}`}>
                {v.label} ({v.date})
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {failure && <p className="notice notice-error">{failure}</p>}
      {props.current && <Button onClick={props.onClear}>Leave the package</Button>}
    </div>
  );
}
