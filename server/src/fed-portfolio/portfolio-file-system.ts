/**
 * The portfolio as the language server in a web worker sees it: no disk, only the files the client
 * sent (kam/portfolioFiles), kept by URI. Langium's workspace manager reads the workspace folders
 * from it at start, PortfolioConfig finds and reads each kam.config.json in it, and a plan closed in
 * the editor is read again from it — the same code paths as on disk, over any URI scheme
 * (vscode-vfs: on github.dev, vscode-test-web: in the tests …).
 */
import { URI, UriUtils, type FileSystemNode, type FileSystemProvider } from 'langium';

export class PortfolioFileSystemProvider implements FileSystemProvider {
    /** File URI string → text. */
    private readonly files = new Map<string, string>();

    /** Creates or replaces a file. */
    write(uri: URI | string, text: string): void {
        this.files.set(key(uri), text);
    }

    /** Forgets a file, or every file under a folder (a folder deleted in one go). Returns the URIs forgotten. */
    delete(uri: URI | string): string[] {
        const target = key(uri);
        const prefix = folderPrefix(target);
        const gone = [...this.files.keys()].filter((file) => file === target || file.startsWith(prefix));
        for (const file of gone) this.files.delete(file);
        return gone;
    }

    /** Every file's URI string. */
    uris(): string[] {
        return [...this.files.keys()];
    }

    async stat(uri: URI): Promise<FileSystemNode> {
        return this.statSync(uri);
    }

    statSync(uri: URI): FileSystemNode {
        if (this.files.has(key(uri))) return { isFile: true, isDirectory: false, uri };
        if (this.isFolder(uri)) return { isFile: false, isDirectory: true, uri };
        throw notFound(uri);
    }

    async exists(uri: URI): Promise<boolean> {
        return this.existsSync(uri);
    }

    existsSync(uri: URI): boolean {
        return this.files.has(key(uri)) || this.isFolder(uri);
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return this.readBinarySync(uri);
    }

    readBinarySync(uri: URI): Uint8Array {
        return new TextEncoder().encode(this.readFileSync(uri));
    }

    async readFile(uri: URI): Promise<string> {
        return this.readFileSync(uri);
    }

    readFileSync(uri: URI): string {
        const text = this.files.get(key(uri));
        if (text === undefined) throw notFound(uri);
        return text;
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        return this.readDirectorySync(uri);
    }

    /** The files and folders directly inside a folder. */
    readDirectorySync(uri: URI): FileSystemNode[] {
        const prefix = folderPrefix(key(uri));
        const children = new Map<string, FileSystemNode>();
        for (const file of this.files.keys()) {
            if (!file.startsWith(prefix)) continue;
            const [name, ...deeper] = file.slice(prefix.length).split('/');
            if (!name || children.has(name)) continue;
            const child = UriUtils.joinPath(URI.parse(prefix), name);
            children.set(name, deeper.length ? { isFile: false, isDirectory: true, uri: child } : { isFile: true, isDirectory: false, uri: child });
        }
        return [...children.values()];
    }

    private isFolder(uri: URI): boolean {
        const prefix = folderPrefix(key(uri));
        for (const file of this.files.keys()) if (file.startsWith(prefix)) return true;
        return false;
    }
}

/** One spelling per URI (the client's and Langium's encodings can differ). */
function key(uri: URI | string): string {
    return (typeof uri === 'string' ? URI.parse(uri) : uri).toString();
}

function folderPrefix(folder: string): string {
    return folder.endsWith('/') ? folder : `${folder}/`;
}

function notFound(uri: URI): Error {
    return Object.assign(new Error(`${uri.toString()} is not among the portfolio's files the editor sent`), { code: 'ENOENT' });
}
