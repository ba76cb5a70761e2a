/**
 * Whether a failed request was cancelled (the user pressed Cancel on the progress notification):
 * the server answers `RequestCancelled`, and vscode-languageclient may turn it into VS Code's
 * `CancellationError` (named "Canceled"). Neither is a failure to report.
 */
import { LSPErrorCodes } from 'vscode-languageserver-protocol';

export function isCancellation(error: unknown): boolean {
    if (typeof error !== 'object' || error === null) return false;
    const { code, name } = error as { code?: unknown; name?: unknown };
    return code === LSPErrorCodes.RequestCancelled || name === 'Canceled';
}
