// A file system provider for the scheme `kam-e2e-vfs:` over the disk (`kam-e2e-vfs://e2e/tmp/x` is
// /tmp/x): the desktop end-to-end run opens its workspace through it (KAM_E2E_VIRTUAL=1 in
// test/e2e/run-vscode-server.mjs), so the KAM extension sees what a repository opened with Remote
// Repositories looks like — folders that are not `file:` — and must feed its language server.
// Changes made through it are reported as Remote Repositories reports them, to file watchers, and
// `workspace.findFiles` is answered by its file search.
'use strict';
const fs = require('node:fs');
const vscode = require('vscode');

const SCHEME = 'kam-e2e-vfs';

function toError(error, uri) {
    if (error && error.code === 'ENOENT') return vscode.FileSystemError.FileNotFound(uri);
    if (error && error.code === 'EEXIST') return vscode.FileSystemError.FileExists(uri);
    if (error && (error.code === 'EISDIR' || error.code === 'ENOTDIR')) return vscode.FileSystemError.FileIsADirectory(uri);
    return error;
}

function guarded(uri, work) {
    try {
        return work(uri.path);
    } catch (error) {
        throw toError(error, uri);
    }
}

class DiskUnderAnotherScheme {
    constructor() {
        this.changes = new vscode.EventEmitter();
        this.onDidChangeFile = this.changes.event;
    }

    fire(type, uri) {
        this.changes.fire([{ type, uri }]);
    }

    watch() {
        // Every change goes through this provider (the workspace is a private copy): reported below.
        return new vscode.Disposable(() => undefined);
    }

    stat(uri) {
        return guarded(uri, (file) => {
            const stats = fs.statSync(file);
            return { type: stats.isDirectory() ? vscode.FileType.Directory : vscode.FileType.File, ctime: stats.ctimeMs, mtime: stats.mtimeMs, size: stats.size };
        });
    }

    readDirectory(uri) {
        return guarded(uri, (folder) => fs.readdirSync(folder, { withFileTypes: true })
            .map((entry) => [entry.name, entry.isDirectory() ? vscode.FileType.Directory : vscode.FileType.File]));
    }

    createDirectory(uri) {
        guarded(uri, (folder) => fs.mkdirSync(folder));
        this.fire(vscode.FileChangeType.Created, uri);
    }

    readFile(uri) {
        return guarded(uri, (file) => fs.readFileSync(file));
    }

    writeFile(uri, content, options) {
        const existed = fs.existsSync(uri.path);
        if (!existed && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
        if (existed && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
        guarded(uri, (file) => fs.writeFileSync(file, content));
        this.fire(existed ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri);
    }

    delete(uri, options) {
        guarded(uri, (file) => fs.rmSync(file, { recursive: options.recursive }));
        this.fire(vscode.FileChangeType.Deleted, uri);
    }

    rename(oldUri, newUri, options) {
        if (!options.overwrite && fs.existsSync(newUri.path)) throw vscode.FileSystemError.FileExists(newUri);
        guarded(oldUri, (file) => fs.renameSync(file, newUri.path));
        this.fire(vscode.FileChangeType.Deleted, oldUri);
        this.fire(vscode.FileChangeType.Created, newUri);
    }
}

/**
 * `workspace.findFiles` in a window whose folder is not `file:` asks the scheme's file search
 * provider (Remote Repositories has one; a proposed API, allowed to an extension under
 * development): every file under the folder, VS Code matches the globs.
 */
const fileSearch = {
    provideFileSearchResults(_query, options) {
        const uris = [];
        const walk = (folder) => {
            for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
                const full = `${folder}/${entry.name}`;
                if (entry.isDirectory()) walk(full);
                else uris.push(options.folder.with({ path: full }));
            }
        };
        walk(options.folder.path);
        return uris;
    },
};

exports.activate = function activate(context) {
    context.subscriptions.push(vscode.workspace.registerFileSystemProvider(SCHEME, new DiskUnderAnotherScheme(), { isCaseSensitive: true }));
    context.subscriptions.push(vscode.workspace.registerFileSearchProvider(SCHEME, fileSearch));
};
