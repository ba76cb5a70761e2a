import { runCli } from './main.js';

const args = process.argv.slice(2);
if (args[0] === 'lsp') {
    // The server keeps the process alive; its exit code is the connection's.
    void runCli(args);
} else {
    runCli(args).then((code) => { process.exitCode = code; }, (error: unknown) => {
        console.error(`kam: unexpected failure: ${error instanceof Error ? error.stack : String(error)}`);
        process.exitCode = 3;
    });
}
