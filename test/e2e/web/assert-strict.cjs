// node:assert/strict for the end-to-end suite in VS Code for the Web (an esbuild alias in
// test/e2e/build-suite.mjs): the `assert` package, Node's assert ported to the browser.
module.exports = require('assert').strict;
