import { type InputHTMLAttributes, type TextareaHTMLAttributes, useId } from 'react';
import type { ApiIssue } from '../../api/errors.js';
import { IssueList } from './issue-list.js';

interface FieldFrame {
  label: string;
  hint?: string;
  /** Problems at this field, shown under it and tied to it with aria-describedby. */
  issues?: readonly ApiIssue[];
}

function describedBy(hintId: string, errorId: string, frame: FieldFrame): string | undefined {
  const ids = [frame.hint ? hintId : '', frame.issues?.length ? errorId : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function TextField({
  label,
  hint,
  issues = [],
  ...input
}: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={id}
        {...input}
        aria-invalid={issues.length > 0 || undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, { label, hint, issues })}
      />
      <IssueList issues={issues} id={`${id}-error`} />
    </div>
  );
}

export function TextArea({
  label,
  hint,
  issues = [],
  ...area
}: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        id={id}
        {...area}
        aria-invalid={issues.length > 0 || undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, { label, hint, issues })}
      />
      <IssueList issues={issues} id={`${id}-error`} />
    </div>
  );
}
