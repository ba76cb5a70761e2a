#!/usr/bin/env node
'use strict';
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
    console.error(`kam needs Node.js 22 or newer; this is ${process.version}.`);
    process.exit(2);
}
require('../out/cli/kam.cjs');
