import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

/** A screen that throws shows a plain message and a way back, never a stack trace or a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('screen failed', error.name, info.componentStack?.split('\n')[1]?.trim());
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="card">
        <h1>Something went wrong on this screen</h1>
        <p>
          Reload the page, or <a href="/">go back to your workspaces</a>.
        </p>
      </div>
    );
  }
}
