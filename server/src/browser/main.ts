/**
 * The KAM language server in a browser's web worker (VS Code for the Web: vscode.dev, github.dev):
 * the same server as on Node, talking over the worker's messages, over the portfolio's files the
 * client sends (there is no file system here). Nothing in this bundle may import a Node built-in;
 * test/server/browser-bundle.test.ts checks it from esbuild's metafile.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { describeUnhandled } from '../kam-server.js';
import { startFedKamServer } from '../fed-portfolio/index.js';

// The worker's global scope talks like a Worker (postMessage, 'message' events); the project's
// TypeScript library is the DOM's, which types `self` as a window.
const worker = self as unknown as Worker;
const connection = createConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
self.addEventListener('unhandledrejection', (event) => {
    connection.console.error(describeUnhandled(event.reason));
    event.preventDefault();
});
startFedKamServer(connection);
