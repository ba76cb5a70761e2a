/** The fixture portfolio (and hostile plans) reviewed and turned into view models, as the server and the CLI do. */
import { reviewDocument } from '../../language/src/analysis/review.js';
import { teamDirectory } from '../../language/src/analysis/team-directory.js';
import type { ReportContext } from '../../language/src/reports/render-report.js';
import type { ReviewedAccount } from '../../language/src/reports/summary-report.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLES, PORTFOLIO_FIXTURE, readPlans } from './portfolio-fixture.js';
import { buildWorkspace, TEST_TODAY } from './workspace.js';

/** Text a plan may hold that must never become markup. */
export const HOSTILE = {
    script: '<script>window.__kamPwned = 1</script>',
    attribute: '"onerror=window.__kamPwned=2 x="',
    img: '"><img src=x onerror="window.__kamPwned=3">',
    svg: '</svg><svg onload="window.__kamPwned=4">',
};

/** A plan whose every text is hostile; `"` is written `\"` as the grammar wants. */
export const HOSTILE_PLAN = (() => {
    const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    return `account Hostile ${q(HOSTILE.script)} {
    industry ${q(HOSTILE.img)}
    tier key
    owner anna
    revenue current 2M EUR
    relationship stage basic
    value proposition ${q(HOSTILE.svg)}
    scores { currentRevenue 5 potentialRevenue 6 }
    stakeholder boss ${q(HOSTILE.attribute)} {
        title ${q(HOSTILE.script)}
        role executive
        note ${q(HOSTILE.svg)}
        decides on ${q(HOSTILE.img)}
        influence high
        stance blocker
        trusted advisor 3
        strategic partner 4
        expects product ${q(HOSTILE.img)} status unmet how ${q(HOSTILE.svg)}
    }
    stakeholder aide ${q(HOSTILE.svg)} {
        role user
        reports to boss
        stance champion
    }
    objective win ${q(HOSTILE.attribute)} {
        owner ben
        due 2026-10-01
        kpi ${q(HOSTILE.script)} current 3 target 9 unit ${q(HOSTILE.img)}
        action ${q(HOSTILE.svg)} owner chiara due 2026-09-01 status planned
    }
    risk ${q(HOSTILE.script)} { likelihood high impact medium contingency ${q(HOSTILE.attribute)} }
    contract ${q(HOSTILE.img)} { renewal 2027-01-31 value 1M EUR }
    meeting 2026-11-01 ${q(HOSTILE.svg)} { with boss agreed ${q(HOSTILE.script)} next step ${q(HOSTILE.attribute)} owner ben due 2026-12-01 }
    our team { executive-sponsor anna faces boss }
    whitespace { units ${q(HOSTILE.img)}, ${q(HOSTILE.svg)} product ${q(HOSTILE.script)} bought, open }
    competitor ${q(HOSTILE.attribute)} { weakness ${q(HOSTILE.img)} differentiator ${q(HOSTILE.svg)} }
    opportunity ${q(HOSTILE.svg)} { stage proposal value 200k EUR close 2027-02-01 }
}
`;
})();

export interface ReviewedFixture {
    accounts: ReviewedAccount[];
    context: ReportContext;
    byName(name: string): ReviewedAccount;
}

/** Builds the fixture portfolio (or another folder of plans, plus extra files) and reviews every account. */
export async function reviewedFixture(extra: Record<string, string> = {}, folder = PORTFOLIO_FIXTURE): Promise<ReviewedFixture> {
    return reviewedPlans({ ...readPlans(folder), ...extra });
}

/** The example portfolio (examples/portfolio, eight accounts) with its kam.config.json, reviewed. */
export async function reviewedExamples(): Promise<ReviewedFixture> {
    return reviewedPlans(readPlans(path.join(EXAMPLES, 'portfolio')), JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'kam.config.json'), 'utf8')));
}

async function reviewedPlans(files: Record<string, string>, settings: unknown = {}): Promise<ReviewedFixture> {
    const workspace = await buildWorkspace(files, settings);
    const analyzer = workspace.services.analysis.PlanAnalyzer;
    const accounts = [...workspace.documents.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .flatMap(([name, d]) => reviewDocument(analyzer, d, name));
    const context: ReportContext = {
        today: TEST_TODAY,
        thresholds: workspace.services.analysis.ReviewSettings.settings.thresholds,
        people: teamDirectory(workspace.services.shared.workspace.LangiumDocuments),
    };
    return {
        accounts,
        context,
        byName(name) {
            const found = accounts.find((a) => a.card.plan.name === name);
            if (!found) throw new Error(`no account ${name}`);
            return found;
        },
    };
}
