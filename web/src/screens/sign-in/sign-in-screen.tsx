import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiRequestError } from '../../api/errors.js';
import { paths } from '../../app/paths.js';
import { useSession } from '../../app/session-context.js';
import { Button } from '../../app/ui/button.js';
import { ErrorNotice } from '../../app/ui/error-notice.js';
import { TextField } from '../../app/ui/field.js';

/** Only same-site paths, so a crafted link cannot send a user elsewhere after signing in. */
function safeReturn(target: string | null): string {
  return target?.startsWith('/') && !target.startsWith('//') ? target : paths.workspaces();
}

export function SignInScreen() {
  const { user, signIn } = useSession();
  const navigate = useNavigate();
  const [query] = useSearchParams();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const returnTo = safeReturn(query.get('returnTo'));

  if (user) return <Navigate to={returnTo} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn({ login, password });
      navigate(returnTo, { replace: true });
    } catch (failure) {
      setError(failure);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  const fieldIssues = (path: string) =>
    error instanceof ApiRequestError ? error.issuesAt(`body.${path}`) : [];

  return (
    <section className="card narrow">
      <h1>Sign in</h1>
      <form onSubmit={submit} noValidate>
        <TextField
          label="Login"
          name="login"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={login}
          onChange={(e) => setLogin(e.target.value)}
          issues={fieldIssues('login')}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          issues={fieldIssues('password')}
        />
        {error !== null && <ErrorNotice error={error} title="Not signed in" />}
        <Button type="submit" variant="primary" busy={busy}>
          Sign in
        </Button>
      </form>
    </section>
  );
}
