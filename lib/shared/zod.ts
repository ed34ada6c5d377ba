import * as z from 'zod/mini';

// The one way in to zod (lint forbids importing it elsewhere), so the setting below runs before
// any schema is defined or used, in every bundle and every lazily loaded chunk: extension pages
// forbid eval, and zod must never probe `new Function` (Chrome reports even a caught attempt as a
// CSP violation) nor compile parsers with it.
z.config({ jitless: true });

export { z };
