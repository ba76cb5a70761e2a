/**
 * Every folder and file the tests make under the system's temporary folder (plans written for a
 * run, fake homes for the code cache, git repositories, decks) goes into one folder per test run,
 * removed when the run ends, passed or failed: a developer's /tmp does not fill with a few hundred
 * folders a day. Node's `os.tmpdir()` reads TMPDIR at each call, and the test workers and what they
 * start (kam, git, Chromium, LibreOffice) inherit it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export default function oneTemporaryFolderPerRun(): () => void {
    const before = process.env.TMPDIR;
    const run = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-tests-'));
    // Passable, not listable, by other users: the bad-input tests run kam as `nobody` on folders they open to it.
    fs.chmodSync(run, 0o711);
    process.env.TMPDIR = run;
    return () => {
        if (before === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = before;
        fs.rmSync(run, { recursive: true, force: true, maxRetries: 3 });
    };
}
