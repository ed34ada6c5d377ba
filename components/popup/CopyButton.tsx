import { useEffect, useState } from 'react';
import { t } from '../../lib/shared/i18n';

/** Copies a value; says so for sighted users and screen readers alike. */
/** `label`: what the button says to a screen reader ("Copy email"). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <button type="button" className="copy" onClick={copy} aria-label={label}>
      <span aria-live="polite">
        {state === 'copied' ? t('popup.copied') : state === 'failed' ? t('popup.copyFailed') : t('popup.copy')}
      </span>
    </button>
  );
}
