import { z } from 'zod';

// Extension pages forbid eval (script-src 'self'): zod's faster code-generating parsers
// would only probe for `new Function` and fall back. Ask for the plain ones directly.
z.config({ jitless: true });
