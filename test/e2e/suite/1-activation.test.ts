import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { STRONG_PLAN } from './example-plans.js';
import { diagnosticsOf, EXTENSION_ID, openPlan } from './helpers.js';

describe('Opening a key-account plan', () => {
    it('is recognised as a KAM plan', async () => {
        const plan = await openPlan(STRONG_PLAN.path);
        assert.equal(plan.languageId, 'kam');
    });

    it('activates KAM Plans and its language server', async () => {
        const extension = vscode.extensions.getExtension(EXTENSION_ID);
        assert.ok(extension, `${EXTENSION_ID} is not installed in the test workbench`);
        // Diagnostics arrive only from a running language server, which only a running extension starts.
        await diagnosticsOf(STRONG_PLAN.path);
        assert.ok(extension.isActive, 'the extension answered but does not count as active');
        const commands = await vscode.commands.getCommands(true);
        assert.ok(commands.includes('kam.generateSummaryReport'), 'the summary report command is not registered');
        if (process.env.KAM_E2E_WEB) {
            // VS Code for the Web: the browser entry in the worker extension host, over a virtual workspace.
            assert.equal((globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node, undefined, 'the extension host is Node, not a browser worker');
            assert.notEqual(vscode.workspace.workspaceFolders?.[0]?.uri.scheme, 'file', 'the workspace is on disk, not virtual');
        }
        if (process.env.KAM_E2E_VIRTUAL) {
            // The desktop entry (a Node extension host) over a virtual workspace, as Remote Repositories opens one.
            assert.ok(process.versions.node, 'the extension host is not Node');
            assert.equal(vscode.workspace.workspaceFolders?.[0]?.uri.scheme, 'kam-e2e-vfs', 'the workspace is not the virtual one');
        }
        if (process.env.KAM_E2E_INSTALLED_FROM_VSIX) {
            // Run against the package a user installs: the extension must come from the extensions folder.
            assert.match(extension.extensionPath, /extensions[\\/]kam-plans\.kam-plans-/, `loaded from ${extension.extensionPath}, not from the installed .vsix`);
        }
    });
});
