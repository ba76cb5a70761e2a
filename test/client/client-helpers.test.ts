/** The client's pure helpers: which editors are plans the server knows, and what a cancelled request looks like. */
import { describe, expect, it } from 'vitest';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { fedPlanSchemes, isPlanDocument, PLAN_SCHEMES, planDocumentSelector, usePlanSchemes } from '../../client/src/plan-document.js';
import { isCancellation } from '../../client/src/cancellation.js';

describe('isPlanDocument', () => {
    const doc = (scheme: string, languageId = 'kam') => ({ languageId, uri: { scheme } });

    it('takes .kam documents on disk and unsaved ones (the server\'s document selector)', () => {
        expect(isPlanDocument(doc('file'))).toBe(true);
        expect(isPlanDocument(doc('untitled'))).toBe(true);
    });

    it('leaves out the git: side of a diff editor and other schemes the server never receives', () => {
        expect(isPlanDocument(doc('git'))).toBe(false);
        expect(isPlanDocument(doc('vscode-vfs'))).toBe(false);
        expect(isPlanDocument(doc('file', 'markdown'))).toBe(false);
    });
});

describe('the plans of VS Code for the Web', () => {
    const doc = (scheme: string) => ({ languageId: 'kam', uri: { scheme } });

    it('are the workspace\'s own documents (vscode-vfs on github.dev) once the web entry says so', () => {
        try {
            usePlanSchemes(['vscode-vfs', 'untitled', 'vscode-vfs']);
            expect(isPlanDocument(doc('vscode-vfs'))).toBe(true);
            expect(isPlanDocument(doc('untitled'))).toBe(true);
            expect(isPlanDocument(doc('git'))).toBe(false);
            expect(planDocumentSelector()).toEqual([{ scheme: 'vscode-vfs', language: 'kam' }, { scheme: 'untitled', language: 'kam' }]);
        } finally {
            usePlanSchemes(PLAN_SCHEMES);
        }
        expect(planDocumentSelector()).toEqual([{ scheme: 'file', language: 'kam' }, { scheme: 'untitled', language: 'kam' }]);
    });
});

describe('a desktop window over a virtual workspace', () => {
    const folder = (scheme: string) => ({ uri: { scheme } });

    it('is fed to the server, with its own schemes, when a folder is on no disk (Remote Repositories)', () => {
        expect(fedPlanSchemes([folder('vscode-vfs')])).toEqual(['vscode-vfs', 'untitled']);
        // A folder on disk beside it is fed too: the fed server reads no disk.
        expect(fedPlanSchemes([folder('file'), folder('vscode-vfs')])).toEqual(['file', 'vscode-vfs', 'untitled']);
    });

    it('is read from disk by the server when every folder is on disk, or when there is none', () => {
        expect(fedPlanSchemes([folder('file'), folder('file')])).toBeUndefined();
        expect(fedPlanSchemes([])).toBeUndefined();
    });
});

describe('isCancellation', () => {
    it('recognises the server\'s RequestCancelled answer and VS Code\'s CancellationError', () => {
        expect(isCancellation(new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled.'))).toBe(true);
        const canceled = new Error('Canceled');
        canceled.name = 'Canceled';
        expect(isCancellation(canceled)).toBe(true);
    });

    it('lets real failures through', () => {
        expect(isCancellation(new ResponseError(-32603, 'The summary report could not be built: boom'))).toBe(false);
        expect(isCancellation(new Error('boom'))).toBe(false);
        expect(isCancellation(undefined)).toBe(false);
    });
});
