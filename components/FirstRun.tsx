import { useViewActions } from './ViewActions';

export function FirstRun() {
  const { openOptions } = useViewActions();
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h1 id="first-run-title">Connect your first account</h1>
      <p>
        Whoami shows who you are signed in as on Insighto, Wacht, Leadping and ChakraHQ. Add an API key, a token or your browser session in
        Options to begin.
      </p>
      <button type="button" className="primary" onClick={openOptions}>
        Open Options
      </button>
    </section>
  );
}
