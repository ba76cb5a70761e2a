/**
 * The editor and CI agree on every number: one portfolio whose kam.config.json moves the key
 * threshold, fixes the review date and changes a severity, reviewed by `kam validate` / `kam report`
 * and by `kam lsp --stdio` driven like an editor that sends no settings of its own (Neovim, Helix).
 * Same findings, same values, same quadrants, same date.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity, DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import { SummaryReportRequest } from '../../language/src/protocol.js';
import type { PortfolioView } from '../../language/src/reports/view-model.js';
import { EXAMPLES } from '../helpers/portfolio-fixture.js';
import { LspTestClient } from '../helpers/lsp-client.js';

const KAM = path.resolve(__dirname, '../../bin/kam.cjs');
const SEVERITY: Record<number, string> = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'information', [DiagnosticSeverity.Hint]: 'hint' };

let folder: string;
let client: LspTestClient;
let plans: string[];

function kam(...args: string[]): string {
    return execFileSync(process.execPath, [KAM, ...args], { cwd: folder, encoding: 'utf8' });
}

/** A finding as both faces can say it: where, what code, how severe, which words. */
function fromDiagnostic(file: string, d: Diagnostic): string {
    const code = String(d.code ?? (d.data as { code?: string } | undefined)?.code);
    return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity ?? 1]} ${code}: ${d.message}`;
}

function accountsOf(view: PortfolioView): unknown[] {
    return view.accounts.map(({ uri: _uri, ...row }) => row);
}

beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-parity-'));
    fs.cpSync(path.join(EXAMPLES, 'portfolio'), folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'kam.config.json'), JSON.stringify({
        thresholds: { keyThreshold: 6.5 },
        today: '2026-11-25',
        severity: { 'kam.missing-champion': 'information' },
    }));
    plans = fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.kam')).sort();
    // An editor that answers workspace/configuration with nothing for `kam`, like Neovim without settings.
    client = await LspTestClient.start({ folder, kamSettings: () => null });
});

afterAll(async () => {
    await client?.stop();
});

describe('one portfolio, the editor and CI', () => {
    it('report the same findings, with the same severity, place and words, without opening a plan', async () => {
        const cli = JSON.parse(kam('validate', '.', '--format', 'json')) as { files: Array<{ file: string; findings: Array<{ line: number; column: number; severity: string; code: string; message: string }> }> };
        const fromCli = cli.files.flatMap((f) => f.findings.map((d) => `${f.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`)).sort();
        const published = await client.diagnosticsOf(plans);
        const fromEditor = [...published].flatMap(([file, p]) => p.diagnostics.map((d) => fromDiagnostic(file, d))).sort();
        expect(fromEditor).toEqual(fromCli);
        // The file's settings are in force on both sides: the severity change and the review date.
        expect(fromCli.some((f) => f.includes('information kam.missing-champion'))).toBe(true);
        expect(fromCli.some((f) => f.includes('warning kam.missing-champion'))).toBe(false);
        expect(fromCli.find((f) => f.includes('kam.stale-contact') && f.includes('Dr. Helen Marsh'))).toContain('370 days ago');
    });

    it('compute the same strategic values, relationship strengths and quadrants, as of the same date', async () => {
        const cli = JSON.parse(kam('report', '.', '--format', 'json')) as PortfolioView;
        const editor = JSON.parse((await client.connection.sendRequest(SummaryReportRequest.type, { format: 'json' })).content) as PortfolioView;
        expect(accountsOf(editor)).toEqual(accountsOf(cli));
        expect(editor.today).toBe('2026-11-25');
        expect(cli.today).toBe('2026-11-25');
        expect(editor.thresholds).toEqual(cli.thresholds);
        expect(cli.thresholds.keyThreshold).toBe(6.5);
        // Kessler Autoteile (6.1) is attractive at the default threshold of 6, not at the portfolio's 6.5.
        const kessler = cli.accounts.find((a) => a.name === 'kessler');
        expect(kessler).toMatchObject({ strategicValueDisplay: '6.1', quadrant: 'Streamline' });
    });

    it('follow the file when it changes: the editor picks the new thresholds up live', async () => {
        const file = path.join(folder, 'kam.config.json');
        fs.writeFileSync(file, JSON.stringify({ thresholds: { keyThreshold: 6 }, today: '2026-11-25', severity: { 'kam.missing-champion': 'information' } }));
        const republished = client.nextPublish(client.uri('accounts/kessler-autoteile.kam'));
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri('kam.config.json'), type: FileChangeType.Changed }] });
        await republished;
        const view = JSON.parse((await client.connection.sendRequest(SummaryReportRequest.type, { format: 'json' })).content) as PortfolioView;
        expect(view.accounts.find((a) => a.name === 'kessler')?.quadrant).toBe('Star');
        const cli = JSON.parse(kam('report', '.', '--format', 'json')) as PortfolioView;
        expect(cli.accounts.find((a) => a.name === 'kessler')?.quadrant).toBe('Star');
    });
});
