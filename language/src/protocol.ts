/**
 * The one typed protocol between the VS Code client and the KAM language server: custom requests
 * and notifications, each in its own namespace with its parameter and result types.
 * Imported by both sides, so a change to a message breaks the build instead of the user.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

export type ReportFormat = 'md' | 'html' | 'json';

export namespace SummaryReportRequest {
    export interface Params {
        /** A `.kam` document for an account summary; omitted for the whole portfolio. */
        uri?: string;
        /** Restrict a portfolio summary to these folders (workspace folders when omitted). */
        folders?: string[];
        format?: ReportFormat;
    }
    export interface Result {
        title: string;
        format: ReportFormat;
        content: string;
        accountCount: number;
    }
    export const method = 'kam/summaryReport';
    export const type = new RequestType<Params, Result, void>(method);
}

export namespace DocumentsValidatedNotification {
    export interface Params {
        uris: string[];
    }
    export const method = 'kam/documentsValidated';
    export const type = new NotificationType<Params>(method);
}
