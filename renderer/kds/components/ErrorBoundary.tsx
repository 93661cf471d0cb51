import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** A bug in one part of the screen must not leave the kitchen looking at a blank page: show it, reload soon. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };
  private timer: ReturnType<typeof setTimeout> | undefined;

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(): void {
    this.timer = setTimeout(() => window.location.reload(), 10_000);
  }

  override componentWillUnmount(): void {
    clearTimeout(this.timer);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="token-screen" role="alert">
        <h1>⚠ Comanda</h1>
        <p>{this.state.error.message}</p>
        <button className="btn btn--go" onClick={() => window.location.reload()}>
          ↻
        </button>
      </div>
    );
  }
}
