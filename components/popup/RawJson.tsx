import type { ProfileEntry } from '../../lib/shared/model';
import { t } from '../../lib/shared/i18n';
import { Fold, FoldedRaw } from './Fold';

/** The provider's answer as it came, folded away until asked for. */
export function RawJson({ raw, rawCut }: Pick<ProfileEntry, 'raw' | 'rawCut'>) {
  if (raw === undefined) return null;
  return <Fold summary={t('popup.rawResponse')}>{() => <FoldedRaw raw={raw} rawCut={rawCut} />}</Fold>;
}
