/**
 * The settings and the protocol's parameters are checked with zod's small build (`zod/mini`: checks
 * passed to `.check(…)` instead of method chains), which a process starts in a fifth of the time of
 * zod's full build (46 → 10 ms at every start of `kam` and the language server). It has no messages
 * of its own: importing this module gives it the English ones, worded as the full build words them.
 * Each module that checks with zod imports it; zod itself is imported by name (`import * as z from
 * 'zod/mini'`), so that the bundles keep only the parts of zod in use.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());
