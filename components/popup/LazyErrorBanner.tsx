import { type ComponentProps, lazy, Suspense } from 'react';

// An error's words load when there is an error to show: a healthy popup's first paint never
// waits for them (a few milliseconds after the first frame, when one is needed).
const ErrorBanner = lazy(() => import('./ErrorBanner').then((module) => ({ default: module.ErrorBanner })));
const AccountErrorBanner = lazy(() => import('./AccountErrorBanner'));

const PLACEHOLDER = <div className="banner banner-placeholder" aria-hidden="true" />;

export function LazyErrorBanner(props: ComponentProps<typeof ErrorBanner>) {
  return (
    <Suspense fallback={PLACEHOLDER}>
      <ErrorBanner {...props} />
    </Suspense>
  );
}

export function LazyAccountErrorBanner(props: ComponentProps<typeof AccountErrorBanner>) {
  return (
    <Suspense fallback={PLACEHOLDER}>
      <AccountErrorBanner {...props} />
    </Suspense>
  );
}
