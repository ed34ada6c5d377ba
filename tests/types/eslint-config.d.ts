// The project's ESLint config is plain JavaScript; the boundaries test imports its rule blocks.
declare module '*/eslint.config.js' {
  import type { Linter } from 'eslint';
  export const boundaries: Linter.Config[];
}
