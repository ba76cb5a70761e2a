#!/usr/bin/env node
// The `kam` command. It runs on whatever Node the user's PATH gives it, so it checks the version
// first, in syntax any Node understands, and says in one line what to do instead of failing deep
// inside Langium (`Object.groupBy is not a function` on Node 20).
'use strict';
var major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
    var fs = require('fs');
    var path = require('path');
    // In a clone of the repository, npm ci brings in a pinned Node 24 (the dev dependency `node`).
    var pinned = path.join(__dirname, '..', 'node_modules', '.bin', 'node');
    var advice = fs.existsSync(pinned)
        ? 'run `npx kam ...` here (it uses the project\'s pinned Node 24), or install Node 22+ (e.g. `nvm install 22`, or from nodejs.org)'
        : 'install Node 22+ (e.g. `nvm install 22`, or from nodejs.org) and run kam again';
    console.error('kam needs Node.js 22 or newer; this is ' + process.version + ' \u2014 ' + advice + '.');
    process.exit(2);
}
// Node keeps the compiled worker bundles (git history, MCP) on disk between runs.
try {
    require('module').enableCompileCache?.();
} catch (_error) {
    // An unwritable cache folder only costs the start-up time it would have saved.
}
// The CLI's own bundle with the code its command compiled in an earlier run (bin/load-bundle.cjs):
// a cache per command; help and a mistyped command (`kam valdate`) share one.
var COMMANDS = ['validate', 'report', 'format', 'diff', 'history', 'import', 'lsp', 'mcp'];
var command = process.argv.slice(2).find(function (arg) { return !arg.startsWith('-'); });
require('./load-bundle.cjs').loadBundle(require('path').join(__dirname, '..', 'out', 'cli', 'kam.cjs'), COMMANDS.indexOf(command) >= 0 ? command : 'other');
