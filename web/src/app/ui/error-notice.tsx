import { ApiRequestError } from '../../api/errors.js';
import { IssueList } from './issue-list.js';

/** A failed request as a person reads it: the server's sentence and its located issues. */
export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  if (error === null || error === undefined) return null;
  const message =
    error instanceof ApiRequestError
      ? error.message
      : error instanceof Error
        ? error.message
        : 'something went wrong';
  return (
    <div className="notice notice-error" role="alert">
      {title && <strong>{title}: </strong>}
      {message}
      {error instanceof ApiRequestError && <IssueList issues={error.issues} />}
    </div>
  );
}
