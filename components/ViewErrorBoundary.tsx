import { Component, type ReactNode } from 'react';
import { ViewActionsContext } from './ViewActions';
import { t } from '../lib/shared/i18n';

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
          <strong className="banner-title">{t('popup.crashTitle')}</strong>
          <span className="banner-detail">{t('popup.crashDetail')}</span>
        </div>
        <button type="button" className="banner-action" onClick={() => this.context.resetView()}>
          {t('popup.reload')}
        </button>
      </div>
    );
  }
}
