import type { GalleryChoice } from '../../lib/views/gallery';
import { t } from '../../lib/shared/i18n';

/** Where the user makes the token for a gallery entry, and which scopes it needs. */
export function GalleryNote({ choice }: { choice: GalleryChoice }) {
  return (
    <p className="help gallery-note">
      {choice.about}{' '}
      <a href={choice.entry.tokenUrl} target="_blank" rel="noreferrer">
        {t('options.gallery.createToken', { host: new URL(choice.entry.tokenUrl).host })}
      </a>
    </p>
  );
}
