import { t } from '../../lib/shared/i18n';
import { MIN_PASSPHRASE_LENGTH } from '../../lib/shared/limits';

/** A new passphrase typed twice: long enough, and the same both times. Errors by field. */
export function checkNewPassphrase(values: Record<string, string>, field: string, repeat: string): Record<string, string> {
  const typed = values[field] ?? '';
  if (typed.length < MIN_PASSPHRASE_LENGTH) return { [field]: t('lock.tooShort', { min: MIN_PASSPHRASE_LENGTH }) };
  if (typed !== (values[repeat] ?? '')) return { [repeat]: t('lock.mismatch') };
  return {};
}
