import type { AccountSummary, ProfileEntry } from '../../lib/shared/model';
import type { Profile } from '../../lib/shared/profile';
import { formatDateTime } from '../../lib/views/time';
import { middleEllipsis } from '../../lib/views/shorten';
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

/** The provider refuses the account as it is (or its token expired): no edit, no expiry line, the banner says what to fix. */
export const REFUSED: ReadonlySet<string> = new Set(['unauthorized', 'token-expired', 'signed-out', 'forbidden', 'permission-missing']);

function Fact({ label, value, copy, full }: { label: string; value: string | null; copy?: string; full?: string }) {
  if (!value) return null;
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>
        <span className="fact-value" dir="auto" title={full}>
          {value}
        </span>
        {copy && <CopyButton value={full ?? value} label={copy} />}
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
              <span className="verified">
                <span aria-hidden="true">✓ </span>
                {t('popup.verified')}
              </span>
            )}
            {profile.emailVerified === false && <span className="unverified">{t('popup.unverified')}</span>}
            <CopyButton value={profile.email} label={t('popup.copyWhat', { what: t('popup.facts.email') })} />
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
  compact = false,
  onReplaceToken,
}: {
  account: AccountSummary;
  entry: ProfileEntry;
  profile: Profile;
  now: number;
  /** Only who it is, while the edit form takes the room below. */
  compact?: boolean;
  /** Opens the account's edit form for a new token. */
  onReplaceToken: () => void;
}) {
  const stale = entry.error !== null;
  // While the provider refuses the token (or says it expired) the banner above is the news.
  const expiry = stale && REFUSED.has(entry.error!.kind) ? null : account.tokenExpiry;
  const changed = new Set((entry.changes ?? []).map((change) => change.field));
  return (
    <section className={`card${stale ? ' card-stale' : ''}`} aria-label={t('popup.profileOf', { provider: account.providerName })}>
      <Identity profile={profile} picture={entry.picture} />
      <Badges profile={profile} stale={stale} changed={changed} />
      {expiry && (
        <Suspense fallback={null}>
          <ExpiryLine expiry={expiry} now={now} onReplace={expiry.source === 'token' ? onReplaceToken : null} />
        </Suspense>
      )}
      {!compact && (
        <>
          <dl className="facts">
            <Fact label={t('popup.facts.username')} value={profile.username && `@${profile.username}`} />
            <Fact label={t('popup.facts.phone')} value={profile.phone} />
            <Fact
              label={t('popup.facts.id')}
              value={profile.id && middleEllipsis(profile.id)}
              full={profile.id ?? undefined}
              copy={t('popup.copyWhat', { what: t('popup.facts.id') })}
            />
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
