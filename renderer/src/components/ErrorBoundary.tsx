import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** A bug in one part of the screen must not leave the kitchen on a blank page: say so, reload soon. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };
  private timer: ReturnType<typeof setTimeout> | undefined;

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    console.error('kitchen screen crashed', error);
    this.timer = setTimeout(() => window.location.reload(), 10_000);
  }

  override componentWillUnmount(): void {
    clearTimeout(this.timer);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <main className="token-screen" role="alert">
        <h1>⚠ Comanda</h1>
        <p>{this.state.error.message}</p>
        <button className="btn btn--go" onClick={() => window.location.reload()}>
          ↻
        </button>
      </main>
    );
  }
}
