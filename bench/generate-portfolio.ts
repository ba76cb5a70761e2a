/** Generates a large, realistic portfolio (scoring model, team, N account plans) for the benchmark. */
const ROLES = [['executive'], ['finance'], ['user'], ['technical-buyer'], ['department-head', 'champion'], ['gatekeeper']];
const STANCES = ['supporter', 'neutral', 'skeptic', 'champion', 'supporter', 'blocker'];
const INFLUENCE = ['high', 'medium', 'low'];
const CADENCES = ['monthly', 'quarterly', 'fortnightly'];

export const MEMBER_COUNT = 60;

export function scoringModelText(): string {
    return `scoring model Bench "Benchmark model" {
    scale 1 to 10
    factor currentRevenue "Current revenue" weight 20% quantitative past
    factor potentialRevenue "Potential revenue" weight 25% quantitative future
    factor profitMargin "Profitability" weight 15% quantitative past
    factor strategicFit "Strategic fit" weight 20% qualitative future
    factor referralValue "Referral value" weight 10% qualitative future
    factor easeOfDoingBusiness "Ease of doing business" weight 10% qualitative past
}
`;
}

export function teamText(): string {
    const members = Array.from({ length: MEMBER_COUNT }, (_, i) => `    member m${i} "Member ${i}" title "Key Account Manager" capacity 40 key accounts`);
    return `team Bench "Benchmark team" {\n${members.join('\n')}\n}\n`;
}

/** One account plan of about 120 lines, deterministic in `i`. */
export function accountText(i: number): string {
    const owner = `m${i % MEMBER_COUNT}`;
    const backup = `m${(i + 1) % MEMBER_COUNT}`;
    const score = (k: number) => 1 + ((i * 7 + k * 3) % 10);
    const stakeholders = ROLES.map((roles, k) => `    stakeholder s${k} "Person ${i}-${k}" {
        title "Title ${k}"
        role ${roles.join(', ')}
        influence ${INFLUENCE[k % 3]}
        stance ${STANCES[k]}
        ${k > 0 ? 'reports to s0' : ''}
        relationship owner ${k % 2 ? owner : backup}
        trusted advisor ${score(k)}
        strategic partner ${score(k + 1)}
        channel email
        cadence ${CADENCES[k % 3]}
        last contact 2026-${String(1 + ((i + k) % 11)).padStart(2, '0')}-15
        expects product "Expectation ${k}" status met how "How ${k}"
    }`).join('\n');
    return `// Generated plan ${i}
account A${i} "Account ${i}" {
    industry "Industry ${i % 12}"
    tier ${i % 10 === 0 ? 'key' : i % 3 === 0 ? 'major' : 'standard'}
    status maintain
    strategy grow
    owner ${owner}
    backup owner ${backup}
    revenue current ${(0.2 + (i % 50) / 10).toFixed(1)}M EUR potential ${(0.5 + (i % 40) / 8).toFixed(1)}M EUR
    profitability ${10 + (i % 20)}%
    relationship stage cooperative
    scores {
        currentRevenue ${score(0)}
        potentialRevenue ${score(1)}
        profitMargin ${score(2)}
        strategicFit ${score(3)}
        referralValue ${score(4)}
        easeOfDoingBusiness ${score(5)}
    }
    will and skill { values our solutions yes trust at several levels partly co-creates with us yes sees us ahead of rivals unknown }
    customer {
        goal "Goal of customer ${i}"
        market "Market ${i % 7}"
        strategy "Strategy ${i % 5}"
        organisation "Organisation note ${i}"
    }
${stakeholders}
    objective o1 "Objective one" {
        owner ${owner}
        due 2027-06-30
        agreed with s0, s1
        kpi "Measure" current ${i % 10} target 10 unit "points"
        milestone "Pilot" due 2027-01-31
        action "First action" owner ${owner} due 2027-02-28 status planned
        action "Second action" owner ${backup} due 2026-${String(1 + (i % 11)).padStart(2, '0')}-01 status in-progress
    }
    objective o2 "Objective two" {
        owner ${backup}
        due 2027-09-30
        kpi "Share of wallet" current ${20 + (i % 30)}% target 60%
    }
    feedback "Feedback ${i}" { from s1 received 2026-10-01 action "Respond" owner ${owner} due 2026-12-15 }
    risk "Risk ${i}" { likelihood medium impact high contingency "Plan B" owner ${owner} }
    opportunity "Cross-sell ${i}" { kind cross-sell value 250k EUR with s0 owner ${owner} due 2027-03-31 }
    competitor "Rival ${i % 9}" { share 30% warning sign "Sign ${i}" }
}
`;
}
