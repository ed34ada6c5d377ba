import * as z from './zod-deferred';

// The one way in to zod (lint forbids importing it elsewhere), so the setting below runs before
// any schema is defined or used, in every bundle and every lazily loaded chunk: extension pages
// forbid eval, and zod must never probe `new Function` (Chrome reports even a caught attempt as a
// CSP violation) nor compile parsers with it. Schemas are built on first use (./zod-deferred.ts).
z.config({ jitless: true });

export { z };
