import { t } from '../../lib/shared/i18n';

/** The shape of the profile card while it loads, so nothing jumps when the data arrives. */
export function ProfileSkeleton() {
  return (
    <section className="card skeleton" aria-busy="true" aria-label={t('popup.loadingProfile')}>
      <div className="identity">
        <span className="avatar skeleton-block" />
        <div className="identity-text">
          <span className="skeleton-line w-60" />
          <span className="skeleton-line w-80" />
          <span className="skeleton-line w-40" />
        </div>
      </div>
      <span className="skeleton-line w-50" />
      <span className="skeleton-line w-70" />
    </section>
  );
}
