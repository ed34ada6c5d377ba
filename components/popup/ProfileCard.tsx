import type { AccountSummary, ProfileEntry } from '../../lib/shared/model';
import type { Profile } from '../../lib/shared/profile';
import { formatDateTime, timeAgo } from '../../lib/views/time';
import { Avatar } from './Avatar';
import { Badges } from './Badges';
import { CopyButton } from './CopyButton';
import { DetailsSection } from './DetailsSection';
import { RawJson } from './RawJson';
import { useViewActions } from '../ViewActions';
import { t } from '../../lib/shared/i18n';
import { lazy, Suspense } from 'react';

// Only accounts whose token says when it expires need the words for it.
const ExpiryLine = lazy(() => import('./ExpiryLine').then((module) => ({ default: module.ExpiryLine })));

/**
 * The profile's name is watched by the browser's Element Timing: `npm run bench` reads when it
 * was first painted (the frame's own time, not when a script ran).
 */
export const PROFILE_PAINT_ID = 'whoami-profile';

function Fact({ label, value, copy }: { label: string; value: string | null; copy?: string }) {
  if (!value) return null;
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>
        <span className="fact-value" dir="auto">
          {value}
        </span>
        {copy && <CopyButton value={value} label={copy} />}
      </dd>
    </div>
  );
}

function Identity({ profile, picture }: { profile: Profile; picture: ProfileEntry['picture'] }) {
  const { ensureOrigins } = useViewActions();
  // Asked from the click itself; the background fetches the picture once the host is allowed.
  const allow = (origin: string) => void ensureOrigins([origin]);
  return (
    <div className="identity">
      <Avatar name={profile.displayName} picture={picture} onAllow={allow} />
      <div className="identity-text">
        <h1 className="name" dir="auto" {...{ elementtiming: PROFILE_PAINT_ID }}>
          {profile.displayName}
        </h1>
        {profile.email && (
          <p className="email" dir="auto">
            <span>{profile.email}</span>
            {profile.emailVerified === true && (
              <span className="verified" title={t('popup.verifiedEmail')}>
                <span aria-hidden="true">✓</span>
                <span className="visually-hidden">{t('popup.verified')}</span>
              </span>
            )}
            {profile.emailVerified === false && <span className="unverified">{t('popup.unverified')}</span>}
          </p>
        )}
        {profile.organization && (
          <p className="org" dir="auto">
            {profile.organization}
          </p>
        )}
      </div>
    </div>
  );
}

export function ProfileCard({
  account,
  entry,
  profile,
  now,
  refreshing,
  compact = false,
}: {
  account: AccountSummary;
  entry: ProfileEntry;
  profile: Profile;
  now: number;
  refreshing: boolean;
  /** Only who it is, while the edit form takes the room below. */
  compact?: boolean;
}) {
  const stale = entry.error !== null;
  // An expired token already has the banner above saying so.
  const expiry = entry.error?.kind === 'token-expired' ? null : account.tokenExpiry;
  return (
    <section className={`card${stale ? ' card-stale' : ''}`} aria-label={t('popup.profileOf', { provider: account.providerName })}>
      <Identity profile={profile} picture={entry.picture} />
      <Badges profile={profile} />
      <p className="freshness">
        <span>
          {account.providerName} · {account.label}
        </span>
        {entry.fetchedAt !== null && (
          // After a failed refresh the profile shown is the last good one: say so, not "Updated".
          <span>
            {' '}
            · {stale ? t('popup.lastGoodCopy') : t('popup.updated')} {timeAgo(entry.fetchedAt, now)}
          </span>
        )}
        {stale && <span className="stale-tag">{t('popup.stale')}</span>}
        {refreshing && (
          <span className="refreshing" role="status">
            {t('popup.refreshing')}
          </span>
        )}
      </p>
      {expiry && (
        <Suspense fallback={null}>
          <ExpiryLine expiry={expiry} now={now} />
        </Suspense>
      )}
      {!compact && (
        <>
          <dl className="facts">
            <Fact label={t('popup.facts.username')} value={profile.username && `@${profile.username}`} />
            <Fact label={t('popup.facts.email')} value={profile.email} copy={t('popup.copyWhat', { what: t('popup.facts.email') })} />
            <Fact label={t('popup.facts.phone')} value={profile.phone} />
            <Fact label={t('popup.facts.id')} value={profile.id} copy={t('popup.copyWhat', { what: t('popup.facts.id') })} />
            <Fact label={t('popup.facts.memberSince')} value={profile.createdAt && formatDateTime(profile.createdAt)} />
            <Fact label={t('popup.facts.profileUpdated')} value={profile.updatedAt && formatDateTime(profile.updatedAt)} />
          </dl>
          <DetailsSection details={profile.details} />
          <RawJson raw={entry.raw} rawCut={entry.rawCut} />
        </>
      )}
    </section>
  );
}
