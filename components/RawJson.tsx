/** The provider's answer as it came, secrets already removed by the background. */
export function RawJson({ raw }: { raw: unknown }) {
  if (raw === undefined) return null;
  return (
    <details className="fold">
      <summary>Raw response</summary>
      {/* A scrollable region must be reachable by keyboard. */}
      <pre className="raw" tabIndex={0} aria-label="Raw response JSON">
        {JSON.stringify(raw, null, 2)}
      </pre>
    </details>
  );
}
