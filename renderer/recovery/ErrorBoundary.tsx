import { Component, type ErrorInfo, type ReactNode } from 'react';
import { reportError } from '../api/errorReport';

type Props = {
  /** Drawn instead of the children once they threw; `retry` draws them again. */
  fallback: (retry: () => void) => ReactNode;
  children: ReactNode;
  /** Told when the children threw, after the error went to the log. */
  onFailed?: () => void;
  /** When this changes (another story opened), the children are drawn again. */
  resetKey?: unknown;
};

/**
 * Catches an error thrown while its children draw, sends it to the log, and draws the fallback
 * instead of leaving a blank window. It adds no element of its own.
 */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    reportError('render', error, info.componentStack ?? '');
    this.props.onFailed?.();
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.failed && !Object.is(previous.resetKey, this.props.resetKey)) this.retry();
  }

  retry = (): void => this.setState({ failed: false });

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.retry) : this.props.children;
  }
}
