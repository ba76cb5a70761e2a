/**
 * A revision's plans served to Langium from memory: the files git holds at that commit, under
 * the URIs they have on disk, so a plan's path and its portfolio's kam.config.json resolve exactly
 * as in the working tree, and nothing of the working tree is read.
 */
import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';

export class RevisionFileSystem implements FileSystemProvider {
    private readonly folders = new Map<string, Set<string>>();
    private files: ReadonlyMap<string, string> = new Map();

    /** `files`: URI string → text. */
    constructor(files: ReadonlyMap<string, string>) {
        this.replace(files);
    }

    /** Serves another revision's files from now on. */
    replace(files: ReadonlyMap<string, string>): void {
        this.files = files;
        this.folders.clear();
        for (const key of files.keys()) {
            let child = key;
            for (let slash = child.lastIndexOf('/'); slash > 'file://'.length; slash = child.lastIndexOf('/')) {
                const parent = child.slice(0, slash);
                const children = this.folders.get(parent) ?? new Set();
                const known = children.size > 0;
                children.add(child);
                this.folders.set(parent, children);
                if (known) break;
                child = parent;
            }
        }
    }

    async stat(uri: URI) { return this.statSync(uri); }
    statSync(uri: URI) {
        const key = uri.toString();
        return { isFile: this.files.has(key), isDirectory: this.folders.has(key), uri };
    }
    async exists(uri: URI) { return this.existsSync(uri); }
    existsSync(uri: URI) {
        const key = uri.toString();
        return this.files.has(key) || this.folders.has(key);
    }
    async readFile(uri: URI) { return this.readFileSync(uri); }
    readFileSync(uri: URI) {
        const text = this.files.get(uri.toString());
        if (text === undefined) throw Object.assign(new Error(`${uri.path} is not in this revision`), { code: 'ENOENT' });
        return text;
    }
    async readBinary(uri: URI) { return this.readBinarySync(uri); }
    readBinarySync(uri: URI) { return new TextEncoder().encode(this.readFileSync(uri)); }
    async readDirectory(uri: URI): Promise<FileSystemNode[]> { return this.readDirectorySync(uri); }
    readDirectorySync(uri: URI): FileSystemNode[] {
        return [...(this.folders.get(uri.toString()) ?? [])].map((child) => {
            const childUri = URI.parse(child);
            return { isFile: this.files.has(child), isDirectory: this.folders.has(child), uri: childUri };
        });
    }
}
