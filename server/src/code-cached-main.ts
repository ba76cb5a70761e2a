/**
 * What VS Code starts (out/server/start.cjs): the language server's bundle, loaded with the code it
 * compiled in an earlier start (bin/load-bundle.cjs, as `kam lsp` does), so a window opens its
 * portfolio without compiling the parser and the checks again. The cache is written when the server
 * exits and lives where the extension tells it (its global storage), else in the user's cache folder.
 */
import * as path from 'node:path';
import { loadBundle } from '../../bin/load-bundle.cjs';

loadBundle(path.join(__dirname, 'main.cjs'), 'server');
