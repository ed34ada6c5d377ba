import { useState } from 'react';
import { t } from '../../lib/shared/i18n';

/**
 * Copies a value; says so for sighted users and screen readers alike, for a moment.
 * `label`: what the button says to a screen reader ("Copy email").
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [said, setSaid] = useState<string | null>(null);
  const say = (text: string) => {
    setSaid(text);
    setTimeout(() => setSaid(null), 1500);
  };
  return (
    <button
      type="button"
      className="copy"
      onClick={() =>
        navigator.clipboard.writeText(value).then(
          () => say(t('popup.copied')),
          () => say(t('popup.copyFailed')),
        )
      }
      aria-label={label}
    >
      <span aria-live="polite">{said ?? t('popup.copy')}</span>
    </button>
  );
}
