import { useId } from 'react';
import type { IssueGroup } from './issue-groups.js';

export interface IssuePickerProps {
  groups: IssueGroup[];
  /** The option shown for each issue: pinned by the user, else settled by the package, else open. */
  chosen: Record<string, string>;
  /** Issues the package or versions settle (shown as such), by option id. */
  settled: Record<string, string>;
  /** Issues the last load changed, marked until the next change. */
  changed: ReadonlySet<string>;
  onChoose(issue: string, option: string | undefined): void;
}

/** One select per issue, grouped by document and category, with option labels; "open" leaves it undecided. */
export function IssuePicker({ groups, chosen, settled, changed, onChoose }: IssuePickerProps) {
  return (
    <div className="builder-issues">
      {groups.map((group) => (
        <fieldset key={group.document?.id ?? '(other)'} className="builder-group">
          <legend>{group.document?.title ?? 'Issues no document speaks to'}</legend>
          {group.categories.map((category) => (
            <div key={category.category} className="builder-category">
              <h3>{category.category}</h3>
              {category.issues.map((issue) => (
                <IssueSelect
                  key={issue.id}
                  issue={issue}
                  value={chosen[issue.id]}
                  fromPackage={settled[issue.id] !== undefined && chosen[issue.id] === settled[issue.id]}
                  changed={changed.has(issue.id)}
                  onChoose={(option) => onChoose(issue.id, option)}
                />
              ))}
            </div>
          ))}
        </fieldset>
      ))}
    </div>
  );
}

function IssueSelect({
  issue,
  value,
  fromPackage,
  changed,
  onChoose,
}: {
  issue: IssueGroup['categories'][number]['issues'][number];
  value: string | undefined;
  fromPackage: boolean;
  changed: boolean;
  onChoose(option: string | undefined): void;
}) {
  const id = useId();
  return (
    <div className={`builder-issue${changed ? ' builder-changed' : ''}`}>
      <label htmlFor={id}>
        {issue.title}
        {fromPackage && <span className="builder-tag"> from the package</span>}
        {changed && <span className="builder-tag builder-tag-changed"> changed</span>}
      </label>
      <select
        id={id}
        data-issue={issue.id}
        value={value ?? ''}
        onChange={(event) => onChoose(event.target.value === '' ? undefined : event.target.value)}
      >
        <option value="">— open —</option>
        {issue.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
