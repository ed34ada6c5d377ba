import { type ComponentProps, lazy, Suspense } from 'react';

// An error's words load when there is an error to show: a healthy popup's first paint never
// waits for them (a few milliseconds after the first frame, when one is needed).
const ErrorBanner = lazy(() => import('./ErrorBanner').then((module) => ({ default: module.ErrorBanner })));

export function LazyErrorBanner(props: ComponentProps<typeof ErrorBanner>) {
  return (
    <Suspense fallback={<div className="banner banner-placeholder" aria-hidden="true" />}>
      <ErrorBanner {...props} />
    </Suspense>
  );
}
