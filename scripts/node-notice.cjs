// Run by npm after `npm ci` / `npm install` in this repository (the `prepare` script, which npm does
// not run when someone installs the packed CLI). npm itself runs on the machine's Node; when that is
// older than 22 it warns EBADENGINE for Langium and its friends. Those warnings do not matter here:
// every npm script runs on the Node 24 that npm ci has just installed as the dev dependency `node`
// (node_modules/.bin comes first on an npm script's PATH). Say so in one line, or say what is wrong.
// (On standard error: npm ci shows a lifecycle script's stderr, not its stdout.)
'use strict';
const npmNode = /\bnode\/v(\d+)[.\d]*/.exec(process.env.npm_config_user_agent || '');
const npmMajor = npmNode ? Number(npmNode[1]) : undefined;
const ownMajor = Number(process.versions.node.split('.')[0]);

if (ownMajor < 22) {
    console.error(`KAM Plans: the pinned Node 24 (dev dependency \`node\`) is not in node_modules/.bin, so npm scripts would run on Node ${process.version}, which is too old: run \`npm ci\` again with install scripts enabled, or install Node 22+.`);
} else if (npmMajor !== undefined && npmMajor < 22) {
    console.error(`KAM Plans: npm runs on Node ${npmNode[0].slice(5)}, hence the EBADENGINE warnings above; they are harmless: npm start, npm test and every other npm script here run on the project's pinned Node ${process.version} (node_modules/.bin/node), and so does \`npx kam\`.`);
}
