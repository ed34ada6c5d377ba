import { WhoamiError } from './errors';
import { t } from './i18n';

export interface AvatarLimits {
  maxBytes: number;
  types: readonly string[];
}

/** What is wrong with a picture for these limits; empty when it may be sent. */
export function avatarProblems(limits: AvatarLimits, file: { type: string; size: number }): string[] {
  const problems: string[] = [];
  if (!limits.types.includes(file.type)) {
    problems.push(t('validation.pictureType', { types: limits.types.map((type) => type.replace('image/', '').toUpperCase()).join(', ') }));
  }
  if (file.size > limits.maxBytes) problems.push(t('validation.pictureSize', { size: Math.round(limits.maxBytes / 1e6) }));
  if (file.size === 0) problems.push(t('validation.pictureEmpty'));
  return problems;
}

/** Checks a picture against the provider's limits before a byte is sent (the views check first too). */
export function checkAvatar(limits: AvatarLimits, file: { type: string; bytes: Uint8Array }): void {
  const problems = avatarProblems(limits, { type: file.type, size: file.bytes.byteLength });
  if (problems.length > 0) throw new WhoamiError('validation', { detail: problems.join('. '), fieldErrors: { avatar: problems } });
}
