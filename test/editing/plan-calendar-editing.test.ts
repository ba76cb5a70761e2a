/**
 * Writing what an account manager tracks — contracts, the review rhythm, meetings, the pipeline,
 * sign-off, our team, whitespace — gets the same help as the rest of a plan: inline hints, completion
 * with snippets, hover docs, formatting, the outline and semantic colouring. Today is 2026-11-24.
 */
import { describe, expect, it } from 'vitest';
import { expectCompletion } from 'langium/test';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type DocumentSymbol } from 'vscode-languageserver';
import { SemanticTokensDecoder } from 'langium/lsp';
import { buildWorkspace } from '../helpers/workspace.js';
import { editingWorkspace, positionOf, wholeDocument } from './editing-fixture.js';
import { formatText } from './format-helpers.js';

const PLAN = `account NordSea "Nord Sea Shipping" {
    tier key
    owner anna
    part of NordGroup
    review cadence quarterly
    last reviewed 2026-10-01
    signed off by lund on 2026-10-01
    contract "Fleet tracking" {
        start 2024-06-01
        renewal 2027-03-31
        notice 3 months
    }
    stakeholder lund "Eva Lund" {
        role economic-buyer
        note "Measured on fuel cost per container"
        decides on "Five-year total cost"
    }
    stakeholder moe "Per Moe" {
        role user
        left 2026-08-31 "Moved to the parent group"
    }
    our team {
        executive-sponsor anna faces lund
    }
    meeting 2026-11-10 "Quarterly review" {
        with lund
        our side anna, ben
        agreed "Pilot on two vessels"
        next step "Pilot proposal" owner ben due 2026-12-05
    }
    objective pilot "Pilot on two vessels" {
        status at-risk
        kpi "Vessels fitted" current 1 target 2 history {
            2026-09-30 0
        }
    }
    opportunity "Fuel analytics" {
        stage proposal
        probability 40%
        value 500k EUR
        close 2027-01-31
    }
    whitespace {
        units "Oslo", "Bergen"
        product "Tracking" bought, open
    }
    competitor "SeaTrack" {
        weakness "No fuel data"
        differentiator "Fuel cost per container"
    }
}

account NordGroup "Nord Group" {
    tier major
}
`;

const workspace = await buildWorkspace({ 'nord-sea.kam': PLAN });
const document = workspace.document('nord-sea.kam');

describe('inline hints', async () => {
    const result = await workspace.services.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range: wholeDocument(document) });
    const labels = (result ?? []).map((h) => ({ line: h.position.line, label: String(h.label) }));
    const line = (text: string) => positionOf(document, text).line;

    it('count the days to the next review, from the last one and the cadence', () => {
        // 2026-10-01 + 91 days = 2026-12-31, 37 days after 2026-11-24.
        expect(labels).toContainEqual({ line: line('last reviewed'), label: 'next review in 37 days (2026-12-31)' });
    });

    it('count the days to the renewal and give the notice deadline', () => {
        expect(labels).toContainEqual({ line: line('renewal 2027-03-31'), label: 'renews in 127 days · notice by 2026-12-31' });
    });

    it('mark a person who left, and count down a meeting\'s next step', () => {
        expect(labels).toContainEqual({ line: line('stakeholder moe'), label: 'left 2026-08-31' });
        expect(labels).toContainEqual({ line: line('next step'), label: 'in 11 days' });
    });
});

describe('completion', async () => {
    const editing = await editingWorkspace();
    const complete = expectCompletion(editing.services);
    async function itemsAt(text: string): Promise<CompletionItem[]> {
        let items: CompletionItem[] = [];
        await complete({ text, index: 0, assert: (list: CompletionList) => { items = list.items; }, disposeAfterCheck: true });
        return items;
    }
    const inAccount = (body: string) => `account Acme "Acme" {\n    ${body}\n}\n`;

    it('offers the pipeline stages with their usual probability', async () => {
        const items = await itemsAt(inAccount('opportunity "x" {\n        stage <|>\n    }'));
        const stages = items.filter((i) => i.kind === CompletionItemKind.EnumMember);
        expect(stages.map((i) => i.label)).toEqual(['identified', 'qualified', 'proposal', 'negotiation', 'won', 'lost']);
        expect(stages.find((i) => i.label === 'proposal')?.documentation).toEqual({ kind: 'markdown', value: 'Stage **proposal** (50%): an offer is with the customer.' });
    });

    it('offers snippets for a contract, a meeting and an opportunity', async () => {
        const items = await itemsAt(inAccount('<|>'));
        const snippets = items.filter((i) => i.kind === CompletionItemKind.Snippet && i.insertTextFormat === InsertTextFormat.Snippet).map((i) => i.label);
        expect(snippets).toEqual(expect.arrayContaining(['contract …', 'meeting …', 'call …', 'opportunity …']));
        const meeting = items.find((i) => i.label === 'meeting …')!;
        expect(meeting.insertText).toContain('next step "${6:What happens next}"');
    });
});

describe('hover', () => {
    it('explains the new words', async () => {
        const hover = async (text: string) => {
            const at = positionOf(document, text);
            const result = await workspace.services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: { line: at.line, character: at.character + 1 } });
            return (result?.contents as { value: string } | undefined)?.value;
        };
        expect(await hover('notice 3')).toMatch(/^`notice 3 months`/);
        expect(await hover('signed off')).toMatch(/who on the customer's side agreed the plan/);
        expect(await hover('whitespace {')).toMatch(/our products across the customer's units or sites/);
        expect(await hover('economic-buyer')).toBe('Role **economic-buyer**: signs off the money: cares about return on investment and the business case.');
    });

    it('on a stakeholder shows what drives them and their last contact', async () => {
        const at = positionOf(document, 'lund "Eva Lund"');
        const result = await workspace.services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: { line: at.line, character: at.character + 1 } });
        const text = (result?.contents as { value: string }).value;
        expect(text).toContain('Last contact 2026-11-10 (meeting "Quarterly review")');
        expect(text).toContain('Drivers: Measured on fuel cost per container');
        expect(text).toContain('Decides on: Five-year total cost');
    });
});

describe('formatting', () => {
    it('lays the new blocks out like every other block, and a second run changes nothing', async () => {
        const messy = `account A "A" {
  contract "C" { start 2024-06-01
 renewal 2027-03-31 notice 3   months }
    meeting 2026-11-10 "Review" { with lund our side anna,ben
      agreed "x" next step "y" owner ben due 2026-12-05 }
  our team { executive-sponsor anna faces lund ,  moe }
 whitespace { units "Oslo" ,"Bergen" product "T" bought,open }
    objective o "O" { kpi "K" current 1 target 2 history { 2026-09-30 0 } }
}
`;
        const formatted = await formatText(workspace.services, messy);
        expect(formatted).toBe(`account A "A" {
    contract "C" {
        start 2024-06-01
        renewal 2027-03-31
        notice 3 months
    }
    meeting 2026-11-10 "Review" {
        with lund
        our side anna, ben
        agreed "x"
        next step "y" owner ben due 2026-12-05
    }
    our team {
        executive-sponsor anna faces lund, moe
    }
    whitespace {
        units "Oslo", "Bergen"
        product "T" bought, open
    }
    objective o "O" {
        kpi "K" current 1 target 2 history {
            2026-09-30 0
        }
    }
}
`);
        expect(await formatText(workspace.services, formatted)).toBe(formatted);
    });
});

describe('outline and colouring', async () => {
    it('lists contracts, meetings, our team, the sign-off and the whitespace in the outline', async () => {
        const symbols = await workspace.services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } }) as DocumentSymbol[];
        const names = symbols[0].children!.map((s) => s.name);
        expect(names).toEqual(expect.arrayContaining([
            'signed off 2026-10-01', 'contract Fleet tracking', 'our team', 'meeting 2026-11-10 Quarterly review', 'whitespace', 'Fuel analytics',
        ]));
        expect(symbols[0].children!.find((s) => s.name === 'contract Fleet tracking')?.detail).toBe('renews 2027-03-31');
    });

    it('colours references to the group account, our people and their counterparts like what they point to', async () => {
        const tokens = await workspace.services.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
        const decoded = SemanticTokensDecoder.decode(tokens, workspace.services.lsp.SemanticTokenProvider!.tokenTypes, document);
        const typeAt = (text: string, offset = 0) => {
            const start = document.textDocument.offsetAt(positionOf(document, text)) + offset;
            return decoded.find((t) => t.offset === start)?.tokenType;
        };
        expect(typeAt('NordGroup')).toBe('class');
        expect(typeAt('faces lund', 'faces '.length)).toBe('parameter');
        expect(typeAt('our side anna', 'our side '.length)).toBe('variable');
        expect(typeAt('stage proposal', 'stage '.length)).toBe('enumMember');
    });
});
