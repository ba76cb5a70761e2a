/**
 * Editors other than VS Code (Neovim, Helix, Emacs): settings they give when asked at start reach
 * the reviewer, every code lens they are offered is one they can run, and a workspace folder the
 * server cannot read is said, not passed over in silence.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApplyWorkspaceEditRequest, CodeLensRequest, DidOpenTextDocumentNotification, ExecuteCommandRequest, ShowDocumentRequest, type CreateFile, type TextDocumentEdit } from 'vscode-languageserver-protocol';
import { URI } from 'langium';
import { PORTFOLIO_FIXTURE } from '../helpers/portfolio-fixture.js';
import { LspTestClient } from '../helpers/lsp-client.js';

let client: LspTestClient | undefined;

afterEach(async () => {
    await client?.stop();
    client = undefined;
});

function portfolioCopy(): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-editor-'));
    fs.cpSync(PORTFOLIO_FIXTURE, folder, { recursive: true });
    return folder;
}

describe('an LSP editor without the VS Code extension', () => {
    it('has the settings it answers at start applied, with no change notification', async () => {
        client = await LspTestClient.start({ folder: portfolioCopy(), kamSettings: () => ({ severity: { 'kam.missing-champion': 'off' } }) });
        const published = await client.diagnosticsOf(['baltic-paper.kam']);
        const codes = published.get('baltic-paper.kam')!.diagnostics.map((d) => d.code);
        expect(codes).toContain('kam.missing-finance-contact');
        expect(codes).not.toContain('kam.missing-champion');
    });

    it('has its settings applied from the first diagnostics, even when it is slow to give them', async () => {
        client = await LspTestClient.start({ folder: portfolioCopy(), kamSettings: () => ({ severity: { 'kam.missing-champion': 'off' } }), configurationDelayMs: 400 });
        const published = await client.diagnosticsOf(['baltic-paper.kam']);
        expect(published.get('baltic-paper.kam')!.diagnostics.map((d) => d.code)).not.toContain('kam.missing-champion');
        expect(client.publishCount.get(client.uri('baltic-paper.kam'))).toBe(1);
    });

    it('gets only lenses it can run: the numbers, and a report the server writes beside the plan', async () => {
        const folder = portfolioCopy();
        client = await LspTestClient.start({
            folder,
            kamSettings: () => null,
            capabilities: {
                workspace: { configuration: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
                window: { showDocument: { support: true } },
            },
        });
        const shown: string[] = [];
        // The editor applies what the server asks: create the file, insert the text.
        client.connection.onRequest(ApplyWorkspaceEditRequest.type, ({ edit }) => {
            for (const change of edit.documentChanges ?? []) {
                if ('kind' in change && change.kind === 'create') fs.writeFileSync(URI.parse((change as CreateFile).uri).fsPath, '');
                else {
                    const textEdit = change as TextDocumentEdit;
                    const file = URI.parse(textEdit.textDocument.uri).fsPath;
                    fs.writeFileSync(file, fs.readFileSync(file, 'utf8') + textEdit.edits.map((e) => ('newText' in e ? e.newText : '')).join(''));
                }
            }
            return { applied: true };
        });
        client.connection.onRequest(ShowDocumentRequest.type, ({ uri }) => {
            shown.push(uri);
            return { success: true };
        });
        const uri = client.uri('danube-foods.kam');
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'kam', version: 1, text: fs.readFileSync(path.join(folder, 'danube-foods.kam'), 'utf8') } });
        await client.diagnosticsOf(['danube-foods.kam']);
        const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
        const commands = lenses?.map((l) => [l.command?.title, l.command?.command]) ?? [];
        expect(commands).toEqual([
            ['Strategic value 7.1 · Strategic · relationship 6.4 · plan 5/5', 'kam.server.explain'],
            ['Write summary report', 'kam.server.writeReport'],
        ]);
        // Every lens command is one the server declared it runs.
        const runnable = client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
        expect(commands.every(([, command]) => runnable.includes(command!))).toBe(true);

        const written = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'kam.server.writeReport', arguments: [uri] });
        const report = path.join(folder, 'danube-foods.summary.md');
        expect(written).toBe(URI.file(report).toString());
        expect(fs.readFileSync(report, 'utf8')).toContain('# Danube Foods');
        expect(shown).toEqual([URI.file(report).toString()]);

        await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'kam.server.explain', arguments: [commands[0][0]] });
        await client.eventually(() => client!.messages.find((m) => m.startsWith('Strategic value 7.1')));
        await expect(client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'kam.server.writeReport', arguments: [42] })).rejects.toThrow(/needs the URI of a plan/);
    });

    it('is not offered a report it could not receive when it cannot create files', async () => {
        client = await LspTestClient.start({ folder: portfolioCopy(), kamSettings: () => null, capabilities: { workspace: { configuration: true } } });
        const uri = client.uri('danube-foods.kam');
        await client.diagnosticsOf(['danube-foods.kam']);
        const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
        expect(lenses?.map((l) => l.command?.command)).toEqual(['kam.server.explain']);
    });

    it('is told when its workspace folder cannot be read, and why', async () => {
        const missing = path.join(os.tmpdir(), `kam-no-such-folder-${process.pid}`);
        client = await LspTestClient.start({ folder: missing, kamSettings: () => null });
        const warning = await client.eventually(() => client!.messages.find((m) => m.includes(missing)));
        expect(warning).toBe(`KAM Plans: no plans checked in the workspace folder ${missing}: it does not exist (ENOENT).`);
        const file = path.join(portfolioCopy(), 'danube-foods.kam');
        await client.stop();
        client = await LspTestClient.start({ folder: file, kamSettings: () => null });
        expect(await client.eventually(() => client!.messages.find((m) => m.includes(file)))).toBe(`KAM Plans: no plans checked in the workspace folder ${file}: it is a file, not a folder.`);
    });

    it('is not warned about a workspace folder it can read', async () => {
        client = await LspTestClient.start({ folder: portfolioCopy(), kamSettings: () => null });
        await client.diagnosticsOf(['danube-foods.kam']);
        expect(client.messages.filter((m) => m.includes('no plans checked'))).toEqual([]);
    });
});
