import { useState } from 'react';
import { safeImageUrl } from '../lib/safe-url';

function initialsOf(name: string): string {
  const letters = name
    .split(/\s+/)
    .map((word) => [...word.replace(/[^\p{L}\p{N}]/gu, '')][0] ?? '')
    .filter(Boolean);
  return (letters.length > 1 ? letters[0]! + letters.at(-1)! : (letters[0] ?? '?')).toUpperCase();
}

/** The profile picture when it is a safe https image that loads; the initials otherwise. */
export function Avatar({ name, url }: { name: string; url: string | null }) {
  const [failed, setFailed] = useState<string | null>(null);
  const src = safeImageUrl(url);
  if (src && failed !== src) {
    return (
      <img
        className="avatar"
        src={src}
        alt=""
        width={56}
        height={56}
        referrerPolicy="no-referrer"
        onError={() => setFailed(src)}
      />
    );
  }
  return (
    <span className="avatar avatar-initials" aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}
