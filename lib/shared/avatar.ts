import { WhoamiError } from './errors';

export interface AvatarLimits {
  maxBytes: number;
  types: readonly string[];
}

/** What is wrong with a picture for these limits; empty when it may be sent. */
export function avatarProblems(limits: AvatarLimits, file: { type: string; size: number }): string[] {
  const problems: string[] = [];
  if (!limits.types.includes(file.type)) {
    problems.push(`Use a ${limits.types.map((t) => t.replace('image/', '').toUpperCase()).join(', ')} image`);
  }
  if (file.size > limits.maxBytes) problems.push(`The picture must be at most ${Math.round(limits.maxBytes / 1e6)} MB`);
  if (file.size === 0) problems.push('The picture is empty');
  return problems;
}

/** Checks a picture against the provider's limits before a byte is sent (the views check first too). */
export function checkAvatar(limits: AvatarLimits, file: { type: string; bytes: Uint8Array }): void {
  const problems = avatarProblems(limits, { type: file.type, size: file.bytes.byteLength });
  if (problems.length > 0) throw new WhoamiError('validation', { detail: problems.join('. '), fieldErrors: { avatar: problems } });
}
