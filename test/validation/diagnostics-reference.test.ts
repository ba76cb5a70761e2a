/** docs/diagnostics.md must list every code exactly as the reviewer reports it. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, it } from 'vitest';
import { renderDiagnosticsReference } from '../../language/src/validation/diagnostics-reference.js';
import { DIAGNOSTICS } from '../../language/src/validation/diagnostic-codes.js';

const DOC = path.resolve(__dirname, '../../docs/diagnostics.md');

it('docs/diagnostics.md is generated from the code table (npm run docs:diagnostics)', () => {
    const expected = renderDiagnosticsReference();
    if (process.env.KAM_UPDATE_DOCS === '1') fs.writeFileSync(DOC, expected);
    expect(fs.readFileSync(DOC, 'utf8')).toBe(expected);
    for (const code of Object.keys(DIAGNOSTICS)) expect(expected).toContain(`### \`${code}\``);
});
