/**
 * The one typed protocol between the VS Code client and the KAM language server: custom requests
 * and notifications, each in its own namespace with its parameter and result types.
 * Imported by both sides, so a change to a message breaks the build instead of the user.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/** `pptx`: the review deck (PowerPoint), sent base64-encoded. */
export type ReportFormat = 'md' | 'html' | 'json' | 'pptx';

export namespace SummaryReportRequest {
    export interface Params {
        /** A `.kam` document for an account summary; omitted for the whole portfolio. */
        uri?: string;
        /** Restrict a portfolio summary to these folders (workspace folders when omitted). */
        folders?: string[];
        format?: ReportFormat;
        /** The portfolio report keeps the findings' codes, files and lines for the plans' authors (a director's report leaves them out). */
        detail?: boolean;
    }
    export interface Result {
        title: string;
        format: ReportFormat;
        /** The report's text; for `pptx` the deck's bytes in base64 (`base64ToBytes` decodes them). */
        content: string;
        /** Set when `content` is binary, encoded. */
        encoding?: 'base64';
        accountCount: number;
    }
    export const method = 'kam/summaryReport';
    export const type = new RequestType<Params, Result, void>(method);
}

/** Bytes as base64 for a JSON message: btoa over chunks, which Node and a browser's worker both have. */
export function bytesToBase64(bytes: Uint8Array): string {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
}

/** The live preview of a plan: the rendered body (charts as inline SVG) and how many accounts it shows. */
export namespace AccountPreviewRequest {
    export interface Params {
        /** The `.kam` document to preview. */
        uri: string;
    }
    export interface Result {
        uri: string;
        title: string;
        /** 0 when the document holds no account (a team or scoring-model file); `html` then says so. */
        accountCount: number;
        /** Escaped HTML for the webview's body: findings carry `data-kam-reveal`, `data-line`, `data-column`. */
        html: string;
    }
    export const method = 'kam/accountPreview';
    export const type = new RequestType<Params, Result, void>(method);
}

/** The portfolio preview: the whole workspace (or some folders) as matrix, Pareto curve and table. */
export namespace PortfolioPreviewRequest {
    export interface Params {
        folders?: string[];
    }
    /**
     * Only what the panel uses: the body and the plans it may open. The view model stays on the
     * server (at 2,000 plans it is megabytes, and this is sent after every validation).
     */
    export interface Result {
        title: string;
        /** Escaped HTML for the webview's body: accounts carry `data-kam-open` with their plan's URI. */
        html: string;
        /** The plans the page links to: the only ones a click in the webview may open. */
        accountUris: string[];
        accountCount: number;
    }
    export const method = 'kam/portfolioPreview';
    export const type = new RequestType<Params, Result, void>(method);
}

export namespace DocumentsValidatedNotification {
    export interface Params {
        uris: string[];
    }
    export const method = 'kam/documentsValidated';
    export const type = new NotificationType<Params>(method);
}

/** What a portfolio can be compared with: its git tags and the commits that touched it (for *KAM: Compare with…*). */
export namespace PlanRevisionsRequest {
    export interface Params {
        /** A folder or plan of the portfolio (the first workspace folder when omitted). */
        uri?: string;
    }
    export interface Result {
        /** Newest first. */
        tags: Array<{ name: string; date: string }>;
        /** The newest commits that touched the portfolio. */
        commits: Array<{ commit: string; date: string; subject: string }>;
    }
    export const method = 'kam/planRevisions';
    export const type = new RequestType<Params, Result, void>(method);
}

/** What changed in the portfolio's meaning since a revision: the diff page's body, against the plans as they are now (unsaved edits included). */
export namespace CompareWithRequest {
    export interface Params {
        /** A folder or plan of the portfolio (the first workspace folder when omitted). */
        uri?: string;
        /** A commit, branch or tag; or `since` a date; neither: the merge base with the default branch. */
        revision?: string;
        since?: string;
    }
    export interface Result {
        title: string;
        /** Escaped HTML for the webview's body. */
        html: string;
        /** The headline in words, for a notification. */
        headline: string;
    }
    export const method = 'kam/compareWith';
    export const type = new RequestType<Params, Result, void>(method);
}

/**
 * The portfolio's files, from a client whose language server cannot read them itself: in VS Code for
 * the Web (vscode.dev, github.dev) the server runs in a web worker with no file system, so the client
 * reads every `.kam` file and `kam.config.json` of the workspace through VS Code's file system and
 * sends them, all at once at start (`initial`), then each creation, change and deletion.
 */
export namespace PortfolioFilesNotification {
    export interface File {
        uri: string;
        /** The whole text of the file. */
        text: string;
    }
    export interface Params {
        /** Files created or changed. */
        changed: File[];
        /** URIs of files deleted. */
        deleted: string[];
        /** The first message: every file of the portfolio as it is at start. */
        initial?: boolean;
    }
    export const method = 'kam/portfolioFiles';
    export const type = new NotificationType<Params>(method);
    /**
     * Set to `1` in the Node server's environment by the desktop client for a virtual workspace
     * (Remote Repositories): the server then reads no disk and waits for these notifications, as in
     * the browser (server/src/fed-portfolio/).
     */
    export const fedServerEnv = 'KAM_PORTFOLIO_FED';
}

/**
 * The VS Code extension's own commands that code lenses may invoke, and what the extension tells
 * the server at start (`initializationOptions`): an editor that declares no commands gets lenses
 * the server runs itself.
 */
export namespace ClientCommands {
    export const openPreview = 'kam.openPreview';
    export const generateSummaryReport = 'kam.generateSummaryReport';
    export interface InitializationOptions {
        /** Commands of the editor's own that lenses may run, each with a plan's URI string as argument. */
        clientCommands: string[];
    }
}
