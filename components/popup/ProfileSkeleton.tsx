import { t } from '../../lib/shared/i18n';

/**
 * The shape of the profile card while it loads, so nothing jumps when the data arrives. One
 * element: its stylesheet draws the picture's circle and the lines (popup.css, `.skeleton`).
 */
export function ProfileSkeleton() {
  return <section className="skeleton" aria-busy="true" aria-label={t('popup.loadingProfile')} />;
}
