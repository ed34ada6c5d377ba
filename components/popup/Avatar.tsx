import type { Picture } from '../../lib/shared/model';
import { t } from '../../lib/shared/i18n';

function initialsOf(name: string): string {
  const letters = name
    .split(/\s+/)
    .map((word) => [...word.replace(/[^\p{L}\p{N}]/gu, '')][0] ?? '')
    .filter(Boolean);
  return (letters.length > 1 ? letters[0]! + letters.at(-1)! : (letters[0] ?? '?')).toUpperCase();
}

// Only pictures the background fetched and drew again, handed over as data: a view never loads
// an address of its own (the page's CSP allows images from the extension and data: only).
const PICTURE_DATA = /^data:image\/(png|jpeg|webp|gif);base64,/;

/**
 * The profile picture when the background has it; the initials otherwise. A picture whose host
 * Whoami may not reach yet offers to allow it, from the click.
 */
export function Avatar({ name, picture, onAllow }: { name: string; picture?: Picture | null; onAllow?: (origin: string) => void }) {
  if (picture?.state === 'loaded' && PICTURE_DATA.test(picture.dataUrl)) {
    return <img className="avatar" src={picture.dataUrl} alt="" width={56} height={56} />;
  }
  const initials = (
    <span className="avatar avatar-initials" aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
  if (picture?.state !== 'needs-permission' || !onAllow) return initials;
  return (
    <span className="avatar-slot">
      {initials}
      <button
        type="button"
        className="avatar-allow"
        onClick={() => onAllow(picture.origin)}
        aria-label={t('popup.allowPictures', { host: picture.host })}
        title={t('popup.allowPicturesTitle', { host: picture.host })}
      >
        {t('popup.showPicture')}
      </button>
    </span>
  );
}
