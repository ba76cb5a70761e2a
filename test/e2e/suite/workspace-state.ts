/**
 * Every test starts from the same workspace: the copy of examples/ as it was when the suite started,
 * on disk and in the editor, with no editor open and the language server's findings back to what
 * they were for that copy. The suite's index runs `restoreWorkspace` before each test (a mocha root
 * hook), so no test depends on another test's cleanup, and a test that fails half-way through an
 * edit cannot leave its edit to the next one.
 *
 * How:
 *  1. unsaved Untitled documents (e.g. a report opened beside a plan) are reverted and closed;
 *  2. files on disk are compared with the snapshot, and changed or missing ones written back;
 *  3. every open document that is unsaved or differs from its file is reverted to the file, and
 *     checked: original text, nothing unsaved;
 *  4. every editor tab is closed;
 *  5. files the tests created (a new plan) are deleted;
 *  6. then it waits — on onDidChangeDiagnostics — until every plan's diagnostics are again exactly
 *     those the language server published for the untouched copy (the baseline, recorded once
 *     before the first test).
 * Every step is checked, and a restore that does not succeed fails the test it was for, saying why.
 */
import * as vscode from 'vscode';
import { describeDiagnostics, diagnosticsOf, LANGUAGE_SERVER_TIMEOUT_MS, waitForEvent, workspaceRoot } from './helpers.js';

/** Relative path (with `/`) → content, for every file of the workspace. */
type Snapshot = Map<string, Uint8Array>;

interface WorkspaceState {
    files: Snapshot;
    /** Relative path of each plan → its diagnostics on the untouched copy, as comparable lines. */
    baseline: Map<string, string[]>;
}

let state: WorkspaceState | undefined;

/**
 * Every file under the folder, read through VS Code's file system: the same on disk (the VS Code
 * server runner) and in the web runner's virtual workspace.
 */
async function readTree(folder: vscode.Uri): Promise<Snapshot> {
    const files: Snapshot = new Map();
    const walk = async (dir: vscode.Uri, relative: string) => {
        for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
            const child = vscode.Uri.joinPath(dir, name);
            if (type & vscode.FileType.Directory) await walk(child, `${relative}${name}/`);
            else if (type & vscode.FileType.File) files.set(`${relative}${name}`, await vscode.workspace.fs.readFile(child));
        }
    };
    await walk(folder, '');
    return files;
}

/** The file's text now, or undefined when it is not there. */
async function textOf(uri: vscode.Uri): Promise<string | undefined> {
    try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
        return undefined;
    }
}

function fingerprint(diagnostics: readonly vscode.Diagnostic[]): string[] {
    return diagnostics.map((d) => {
        const code = typeof d.code === 'object' ? d.code.value : d.code;
        const { start, end } = d.range;
        return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${vscode.DiagnosticSeverity[d.severity]} ${code}: ${d.message}`;
    }).sort();
}

function relativePath(uri: vscode.Uri): string | undefined {
    const root = workspaceRoot();
    if (uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
    const prefix = root.path.endsWith('/') ? root.path : `${root.path}/`;
    return uri.path.startsWith(prefix) && uri.path.length > prefix.length ? uri.path.slice(prefix.length) : undefined;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

/**
 * Takes the snapshot of the workspace and the language server's diagnostics for each plan in it.
 * Called once, before any test edits anything.
 */
export async function recordWorkspaceState(): Promise<void> {
    // An edit must stay unsaved until a test saves it, as in desktop VS Code. VS Code for the web
    // auto-saves after a second by default: a test's edit would reach the disk, or not, depending
    // on how busy the machine is (the runner turns it off in the workspace's settings).
    // A virtual workspace's settings are read once its file system's provider (an extension) has
    // started: they may come a moment after the suite.
    const autoSaveOff = () => vscode.workspace.getConfiguration('files').get<string>('autoSave') === 'off';
    if (!autoSaveOff()) {
        await waitForEvent(vscode.workspace.onDidChangeConfiguration, autoSaveOff, 30_000,
            () => `files.autoSave is "${vscode.workspace.getConfiguration('files').get<string>('autoSave')}": the end-to-end workspace needs it "off" (see test/e2e/workbench-run.mjs)`);
    }
    const files = await readTree(workspaceRoot());
    const baseline = new Map<string, string[]>();
    for (const relative of [...files.keys()].filter((f) => f.endsWith('.kam')).sort()) {
        baseline.set(relative, fingerprint(await diagnosticsOf(relative)));
    }
    // Opening one plan can make the server check the others again: take the baseline once all are open.
    for (const relative of baseline.keys()) baseline.set(relative, fingerprint(vscode.languages.getDiagnostics(planUriOf(relative))));
    state = { files, baseline };
}

function planUriOf(relative: string): vscode.Uri {
    return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

function current(): WorkspaceState {
    if (!state) throw new Error('recordWorkspaceState() was not called by the suite index.');
    return state;
}

export async function restoreWorkspace(): Promise<void> {
    const { files } = current();
    const root = workspaceRoot();
    const original = (relative: string) => new TextDecoder().decode(files.get(relative));

    // 1. Unsaved Untitled documents (e.g. a report opened beside a plan): reverted and closed, since
    //    closing one unsaved would ask the user.
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isUntitled && d.isDirty && !d.isClosed)) {
        await inActiveEditor(document, 'workbench.action.revertAndCloseActiveEditor');
        await until(document, () => document.isClosed || !document.isDirty, 'to be reverted and closed');
    }

    // 2. The original files back on disk, through VS Code's file system so that it knows.
    const onDisk = await readTree(root);
    for (const [relative, content] of files) {
        const now = onDisk.get(relative);
        if (!now || !sameBytes(now, content)) await vscode.workspace.fs.writeFile(planUriOf(relative), content);
    }

    // 3. Every open document of the workspace that differs from its file, or is unsaved: reverted to
    //    the file (File: Revert File, which acts on the active editor, so the document is made the
    //    active editor first and the result is checked).
    for (const document of vscode.workspace.textDocuments) {
        const relative = relativePath(document.uri);
        if (!relative || document.isClosed) continue;
        const onDiskNow = await textOf(document.uri);
        if (!document.isDirty && document.getText() === onDiskNow) continue;
        await inActiveEditor(document, 'workbench.action.files.revert');
        await until(document, () => !document.isDirty && (!files.has(relative) || document.getText() === original(relative)),
            files.has(relative) ? 'to show the original text, unmodified' : 'to be saved or reverted');
    }

    // 4. No editor open: each test opens what it needs.
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    if (tabs.length && !(await vscode.window.tabGroups.close(tabs))) throw new Error('could not close the open editors');

    // 5. Files the tests created (e.g. a new plan) are deleted.
    for (const relative of (await readTree(root)).keys()) {
        if (!files.has(relative)) await vscode.workspace.fs.delete(planUriOf(relative), { useTrash: false });
    }
    const left = await readTree(root);
    const differing = [...new Set([...left.keys(), ...files.keys()])].filter((f) => !left.has(f) || !files.has(f) || !sameBytes(left.get(f)!, files.get(f)!));
    if (differing.length) throw new Error(`the workspace on disk could not be restored: ${differing.join(', ')}`);

    // 6. The language server has caught up: every plan's diagnostics are those of the original.
    await languageServerBackToBaseline();
}

/** Runs a command that acts on the active editor, once `document` is in it. */
async function inActiveEditor(document: vscode.TextDocument, commandId: string): Promise<void> {
    const editor = await vscode.window.showTextDocument(document, { preview: false, preserveFocus: false });
    const active = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    const activeUri = active instanceof vscode.TabInputText ? active.uri.toString() : undefined;
    if (vscode.window.activeTextEditor !== editor || activeUri !== document.uri.toString()) {
        throw new Error(`could not make ${document.uri.toString()} the active editor to run ${commandId} (active: ${activeUri ?? 'none'})`);
    }
    await vscode.commands.executeCommand(commandId);
}

/** Resolves once `accept()` holds for the document, re-checking whenever it changes (content or dirty state) or closes. */
async function until(document: vscode.TextDocument, accept: () => boolean, what: string): Promise<void> {
    if (accept()) return;
    const uri = document.uri.toString();
    const describe = () => `${vscode.workspace.asRelativePath(document.uri)} ${what} (now ${document.isClosed ? 'closed' : document.isDirty ? 'unsaved' : 'saved'}, version ${document.version})`;
    await Promise.race([
        waitForEvent(vscode.workspace.onDidChangeTextDocument, (e) => e.document.uri.toString() === uri && accept(), LANGUAGE_SERVER_TIMEOUT_MS, describe),
        waitForEvent(vscode.workspace.onDidCloseTextDocument, (d) => d.uri.toString() === uri && accept(), LANGUAGE_SERVER_TIMEOUT_MS, describe),
    ]);
}

function differingPlans(): string[] {
    const { baseline } = current();
    return [...baseline].filter(([relative, expected]) => {
        const actual = fingerprint(vscode.languages.getDiagnostics(planUriOf(relative)));
        return actual.length !== expected.length || actual.some((line, i) => line !== expected[i]);
    }).map(([relative]) => relative);
}

async function languageServerBackToBaseline(): Promise<void> {
    if (differingPlans().length === 0) return;
    await waitForEvent(vscode.languages.onDidChangeDiagnostics, () => differingPlans().length === 0, LANGUAGE_SERVER_TIMEOUT_MS, () => {
        const { baseline } = current();
        return `the diagnostics of the restored plans to be those of the original workspace. Still different:\n${differingPlans().map((relative) =>
            `${relative}\n expected:\n${baseline.get(relative)!.map((l) => `  ${l}`).join('\n') || '  (none)'}\n now:\n${describeDiagnostics(vscode.languages.getDiagnostics(planUriOf(relative)))}`).join('\n')}`;
    });
}
