import type { ProfileEntry } from '../../lib/shared/model';

/** The provider's answer as it came, secrets already removed by the background; the start of it when it was cut. */
export function RawJson({ raw, rawCut }: Pick<ProfileEntry, 'raw' | 'rawCut'>) {
  if (raw === undefined) return null;
  return (
    <details className="fold">
      <summary>Raw response</summary>
      {rawCut && (
        <p className="help">
          Cut: the answer was {Math.round(rawCut.bytes / 1000)} kB; its first {Math.round(String(raw).length / 1000)} kB are shown.
        </p>
      )}
      {/* A scrollable region must be reachable by keyboard. */}
      <pre className="raw" tabIndex={0} aria-label="Raw response JSON">
        {rawCut && typeof raw === 'string' ? raw : JSON.stringify(raw, null, 2)}
      </pre>
    </details>
  );
}
