import type { ProviderSummary } from '../../lib/shared/model';
import { useViewActions } from '../ViewActions';

const list = (items: string[]) => new Intl.ListFormat('en', { type: 'conjunction' }).format(items);

/** The popup before any account: which providers Whoami reads (from the registry) and where to start. */
export function FirstRun({ providers }: { providers: ProviderSummary[] }) {
  const { openOptions } = useViewActions();
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h1 id="first-run-title">Connect your first account</h1>
      <p>
        Whoami shows who you are signed in as on {list(providers.map((p) => p.name))}. Add an account in Options to begin — it stays on this
        device.
      </p>
      <button type="button" className="primary" onClick={openOptions}>
        Open Options
      </button>
    </section>
  );
}
