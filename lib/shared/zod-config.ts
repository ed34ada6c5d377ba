import * as z from 'zod/mini';

// Extension pages forbid eval: zod must never probe `new Function` (Chrome reports even a
// caught attempt as a CSP violation) nor compile parsers with it.
z.config({ jitless: true });
