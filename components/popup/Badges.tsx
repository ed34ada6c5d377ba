import type { Profile } from '../../lib/shared/profile';
import type { WatchedField } from '../../lib/shared/model';
import { t } from '../../lib/shared/i18n';

// Providers write plans and roles as they like ("MONTHLY", "admin", "Agent"): one style here.
function sentenceCase(value: string): string {
  const word = value === value.toUpperCase() ? value.toLowerCase() : value;
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "Role: Admin", "Plan: Free", "Trial", and "Stale" when the profile is the last good copy. */
export function Badges({ profile, stale, changed }: { profile: Profile; stale: boolean; changed: ReadonlySet<WatchedField> }) {
  const badges: Array<[kind: string, text: string, changed?: boolean]> = [];
  if (stale) badges.push(['stale', t('popup.stale')]);
  for (const role of profile.roles) badges.push(['role', t('popup.role', { value: sentenceCase(role) }), changed.has('roles')]);
  if (profile.plan)
    badges.push(['plan', t('popup.plan', { value: sentenceCase(profile.plan) }), changed.has('plan') || changed.has('subscription')]);
  if (profile.trial) badges.push(['trial', t('popup.trial')]);
  if (badges.length === 0) return null;
  return (
    <ul className="badges" aria-label={t('popup.rolesAndPlan')}>
      {badges.map(([kind, text, changed]) => (
        <li key={`${kind}:${text}`} className={`badge badge-${kind}${changed ? ' badge-changed' : ''}`}>
          {text}
          {changed && <span className="visually-hidden"> {t('popup.changedChip')}</span>}
        </li>
      ))}
    </ul>
  );
}
