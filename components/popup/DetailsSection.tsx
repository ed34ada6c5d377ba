import type { ProfileDetail } from '../../lib/shared/profile';
import { t } from '../../lib/shared/i18n';
import { Fold, FoldedDetails } from './Fold';

/** Provider-specific facts, folded away until asked for. */
export function DetailsSection({ details }: { details: ProfileDetail[] }) {
  if (details.length === 0) return null;
  return <Fold summary={t('popup.details', { count: details.length })}>{() => <FoldedDetails details={details} />}</Fold>;
}
