/** Plans served from memory, for tests and the benchmark that edit files as an editor would. */
import type { FileSystemNode, FileSystemProvider, URI } from 'langium';

export class MemoryFileSystem implements FileSystemProvider {
    readonly files = new Map<string, string>();
    async stat(uri: URI) { return this.statSync(uri); }
    statSync(uri: URI) { return { isFile: this.files.has(uri.toString()), isDirectory: false, uri }; }
    async exists(uri: URI) { return this.files.has(uri.toString()); }
    existsSync(uri: URI) { return this.files.has(uri.toString()); }
    async readFile(uri: URI) { return this.readFileSync(uri); }
    readFileSync(uri: URI) { return this.files.get(uri.toString()) ?? ''; }
    async readBinary(uri: URI) { return new TextEncoder().encode(this.readFileSync(uri)); }
    readBinarySync(uri: URI) { return new TextEncoder().encode(this.readFileSync(uri)); }
    async readDirectory(): Promise<FileSystemNode[]> { return []; }
    readDirectorySync(): FileSystemNode[] { return []; }
}
