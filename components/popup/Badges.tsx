import type { Profile } from '../../lib/shared/profile';
import { t } from '../../lib/shared/i18n';

export function Badges({ profile }: { profile: Profile }) {
  const badges = [
    ...profile.roles.map((role) => ({ text: role, kind: 'role' })),
    ...(profile.plan ? [{ text: profile.plan, kind: 'plan' }] : []),
    ...(profile.trial ? [{ text: t('popup.trial'), kind: 'trial' }] : []),
  ];
  if (badges.length === 0) return null;
  return (
    <ul className="badges" aria-label={t('popup.rolesAndPlan')}>
      {badges.map((badge) => (
        <li key={`${badge.kind}:${badge.text}`} className={`badge badge-${badge.kind}`}>
          {badge.text}
        </li>
      ))}
    </ul>
  );
}
