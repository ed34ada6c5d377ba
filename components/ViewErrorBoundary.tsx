import { Component, type ReactNode } from 'react';
import { ViewActionsContext } from './ViewActions';

/**
 * The last line of defence for a page: if rendering fails (a damaged cache painted before its
 * check arrived, a bug), say so and offer to start over from the background's data.
 */
export class ViewErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  static override contextType = ViewActionsContext;
  declare context: React.ContextType<typeof ViewActionsContext>;
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="banner banner-error" role="alert">
        <div className="banner-text">
          <strong className="banner-title">Whoami couldn't show this page</strong>
          <span className="banner-detail">
            Something it was given could not be drawn. Reloading starts over from your accounts; nothing is lost.
          </span>
        </div>
        <button type="button" className="banner-action" onClick={() => this.context.resetView()}>
          Reload
        </button>
      </div>
    );
  }
}
