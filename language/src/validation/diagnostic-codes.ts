/**
 * Every diagnostic the reviewer can raise: its stable code, default severity, and the words the
 * reference page (docs/diagnostics.md) is generated from. Codes never change once published;
 * users switch them off or change their severity by code.
 */
import type { SeverityLevel } from '../analysis/review-settings.js';

export interface DiagnosticInfo {
    severity: Exclude<SeverityLevel, 'off'>;
    /** The rule area (one validation file each). */
    area: 'stakeholders' | 'scoring' | 'accounts' | 'renewals-and-reviews' | 'pipeline' | 'objectives' | 'feedback-and-risks' | 'portfolio' | 'names' | 'entries' | 'completeness';
    /** What the diagnostic means and why a KAM reviewer cares. */
    meaning: string;
    /** How to fix it. */
    fix: string;
    /** A short plan excerpt that draws it. */
    example: string;
    /** Whether a quick fix exists. */
    quickFix?: boolean;
    /**
     * The finding says something is missing or adds things up, so it needs the element's whole
     * text: while the element has a syntax error it is withheld (the missing part may be in the
     * text the parser could not read), and the element says once that its review waits.
     */
    needsWholeText?: boolean;
}

export const CODE_MISSING_EXECUTIVE = 'kam.missing-executive';
export const CODE_MISSING_FINANCE_CONTACT = 'kam.missing-finance-contact';
export const CODE_MISSING_USER = 'kam.missing-user';
export const CODE_MISSING_CHAMPION = 'kam.missing-champion';
export const CODE_SINGLE_THREADED = 'kam.single-threaded';
export const CODE_WEIGHTS_NOT_100 = 'kam.weights-not-100';
export const CODE_SCORE_OFF_SCALE = 'kam.score-off-scale';
export const CODE_OBJECTIVE_WITHOUT_OWNER = 'kam.objective-without-owner';
export const CODE_OBJECTIVE_WITHOUT_DUE_DATE = 'kam.objective-without-due-date';
export const CODE_OBJECTIVE_WITHOUT_KPI = 'kam.objective-without-kpi';
export const CODE_DUPLICATE_NAME = 'kam.duplicate-name';
export const CODE_INVALID_DATE = 'kam.invalid-date';
export const CODE_ONLY_SUPPORTERS = 'kam.only-supporters';
export const CODE_UNRATED_INFLUENTIAL = 'kam.unrated-influential-stakeholder';
export const CODE_WARM_BUT_RATED_LOW = 'kam.warm-but-rated-low';
export const CODE_UNKNOWN_EXPECTATIONS = 'kam.unknown-expectations';
export const CODE_UNKNOWN_CONTACT_PLAN = 'kam.unknown-contact-plan';
export const CODE_STALE_CONTACT = 'kam.stale-contact';
export const CODE_INVALID_SCALE = 'kam.invalid-scale';
export const CODE_TOO_FEW_FACTORS = 'kam.too-few-factors';
export const CODE_TOO_MANY_FACTORS = 'kam.too-many-factors';
export const CODE_NO_FUTURE_FACTOR = 'kam.no-future-factor';
export const CODE_NO_QUALITATIVE_FACTOR = 'kam.no-qualitative-factor';
export const CODE_UNSCORED_FACTOR = 'kam.unscored-factor';
export const CODE_NO_OWNER = 'kam.no-owner';
export const CODE_NO_BACKUP_OWNER = 'kam.no-backup-owner';
export const CODE_KEY_FAILS_GATE = 'kam.key-account-fails-gate';
export const CODE_GATES_NOT_ASSESSED = 'kam.gates-not-assessed';
export const CODE_KEY_ON_REVENUE_ALONE = 'kam.key-on-revenue-alone';
export const CODE_MISSING_CUSTOMER_INSIGHT = 'kam.missing-customer-insight';
export const CODE_OVERDUE_ACTION = 'kam.overdue-action';
export const CODE_FEEDBACK_WITHOUT_ACTION = 'kam.feedback-without-action';
export const CODE_FEEDBACK_WITHOUT_TIMELINE = 'kam.feedback-without-timeline';
export const CODE_NO_RISKS = 'kam.no-risks';
export const CODE_RISK_WITHOUT_CONTINGENCY = 'kam.risk-without-contingency';
export const CODE_KEY_BELOW_THRESHOLD = 'kam.key-below-threshold';
export const CODE_OWNER_OVER_CAPACITY = 'kam.owner-over-capacity';
export const CODE_TEAM_OVER_CAPACITY = 'kam.team-over-capacity';
export const CODE_REVENUE_CONCENTRATION = 'kam.revenue-concentration';
export const CODE_RATING_OUT_OF_RANGE = 'kam.rating-out-of-range';
export const CODE_NO_LAST_CONTACT = 'kam.no-last-contact';
export const CODE_UNMET_EXPECTATION = 'kam.unmet-expectation-without-plan';
export const CODE_INCOMPLETE_PLAN = 'kam.incomplete-plan';
export const CODE_DUPLICATE_ENTRY = 'kam.duplicate-entry';
export const CODE_NUMBER_OUT_OF_RANGE = 'kam.number-out-of-range';
export const CODE_REVIEW_WAITS = 'kam.review-waits-for-syntax-fix';
export const CODE_RENEWAL_WITHOUT_PLAN = 'kam.renewal-without-plan';
export const CODE_NOTICE_DEADLINE_PASSED = 'kam.notice-deadline-passed';
export const CODE_CONTRACT_DATES = 'kam.contract-dates';
export const CODE_REVIEW_OVERDUE = 'kam.review-overdue';
export const CODE_PLAN_NOT_REVIEWED = 'kam.plan-not-reviewed';
export const CODE_PLAN_NOT_AGREED = 'kam.plan-not-agreed';
export const CODE_CLOSE_DATE_PASSED = 'kam.close-date-passed';
export const CODE_POTENTIAL_WITHOUT_PIPELINE = 'kam.potential-without-pipeline';
export const CODE_CURRENCY_WITHOUT_RATE = 'kam.currency-without-rate';
export const CODE_WHITESPACE_SHAPE = 'kam.whitespace-shape';
export const CODE_HIERARCHY_CYCLE = 'kam.account-hierarchy-cycle';
/** Raised by Langium's linker, listed here so it can be documented and configured like the others. */
export const CODE_UNRESOLVED_REFERENCE = 'linking-error';

export const DIAGNOSTICS: Record<string, DiagnosticInfo> = {
    // ---- stakeholders: the decision-making unit
    [CODE_MISSING_EXECUTIVE]: {
        severity: 'warning', area: 'stakeholders', quickFix: true, needsWholeText: true,
        meaning: 'No stakeholder has the role `executive`: nobody in the plan can make the economic decision, so the plan cannot show strategic impact on their success factors.',
        fix: 'Map the executive decision maker: add a stakeholder with `role executive`.',
        example: 'account Acme { stakeholder buyer "Jo Buyer" { role technical-buyer } }',
    },
    [CODE_MISSING_FINANCE_CONTACT]: {
        severity: 'warning', area: 'stakeholders', quickFix: true, needsWholeText: true,
        meaning: 'No stakeholder has the role `finance`: cost against budget and payment terms will be decided without us.',
        fix: 'Add the finance contact (CFO, controller, procurement finance) with `role finance`.',
        example: 'account Acme { stakeholder coo "Petra Müller" { role executive } }',
    },
    [CODE_MISSING_USER]: {
        severity: 'warning', area: 'stakeholders', quickFix: true, needsWholeText: true,
        meaning: 'No stakeholder has the role `user`: the people who work with what we supply, and whose workload it changes, are not in the map.',
        fix: 'Add a user or operator of our product or service with `role user`.',
        example: 'account Acme { stakeholder coo "Petra Müller" { role executive } }',
    },
    [CODE_MISSING_CHAMPION]: {
        severity: 'warning', area: 'stakeholders', quickFix: true, needsWholeText: true,
        meaning: 'Nobody has the role or stance `champion`: no one inside the customer sells for us when we are not in the room.',
        fix: 'Identify and develop a champion or coach: `role champion` or `stance champion`.',
        example: 'account Acme { stakeholder coo "Petra Müller" { role executive stance neutral } }',
    },
    [CODE_SINGLE_THREADED]: {
        severity: 'warning', area: 'stakeholders', needsWholeText: true,
        meaning: 'The relationship hangs on one thread: a single contact, or every contact held by one of our people. One departure on either side puts the account at risk.',
        fix: 'Add contacts at several levels and give them different relationship owners from our team.',
        example: 'account Acme { stakeholder coo "Petra Müller" { role executive relationship owner anna } }',
    },
    [CODE_ONLY_SUPPORTERS]: {
        severity: 'information', area: 'stakeholders', needsWholeText: true,
        meaning: 'Every mapped stakeholder (three or more) is a supporter or champion. Real decision-making units have neutrals and sceptics: a map with only friends is probably not honest.',
        fix: 'Map the neutral and sceptical people too, with their real stance.',
        example: 'stakeholder a "A" { stance supporter }  stakeholder b "B" { stance champion }  stakeholder c "C" { stance supporter }',
    },
    [CODE_UNRATED_INFLUENTIAL]: {
        severity: 'warning', area: 'stakeholders', needsWholeText: true,
        meaning: 'A highly influential stakeholder has no trusted-advisor or strategic-partner rating, so the relationship strength leaves out the person who matters most.',
        fix: 'Rate them as they would answer: `trusted advisor 1-10` and `strategic partner 1-10`.',
        example: 'stakeholder ceo "Dr. Ann Marsh" { role executive influence high }',
    },
    [CODE_WARM_BUT_RATED_LOW]: {
        severity: 'warning', area: 'stakeholders',
        meaning: 'A supporter or champion rates us 4 or lower as trusted advisor or strategic partner: friendliness hides a weak relationship.',
        fix: 'Treat the relationship as weak: plan actions that earn advisor status, or correct the stance.',
        example: 'stakeholder it "Gareth Pryce" { stance supporter trusted advisor 4 strategic partner 3 }',
    },
    [CODE_UNKNOWN_EXPECTATIONS]: {
        severity: 'information', area: 'stakeholders', needsWholeText: true,
        meaning: 'We do not know what this stakeholder expects of our product or service, our communication or our customer service, so we cannot say whether we meet it.',
        fix: 'Ask, then record `expects product|communication|service "…" status met|at-risk|unmet how "…"`.',
        example: 'stakeholder cfo "Sara Lind" { role finance }',
    },
    [CODE_UNKNOWN_CONTACT_PLAN]: {
        severity: 'information', area: 'stakeholders', needsWholeText: true,
        meaning: 'The preferred channel or the agreed cadence of contact is unknown, so nobody can tell whether the stakeholder is looked after.',
        fix: 'Add `channel …` and `cadence …`.',
        example: 'stakeholder cfo "Sara Lind" { role finance channel email }',
    },
    [CODE_STALE_CONTACT]: {
        severity: 'warning', area: 'stakeholders', needsWholeText: true,
        meaning: 'The last contact is older than the agreed cadence allows (by the staleness factor, 1.5 × the cadence by default): the relationship is cooling.',
        fix: 'Get in touch, then update `last contact`.',
        example: 'stakeholder cfo "Sara Lind" { cadence monthly last contact 2026-05-02 }',
    },
    [CODE_RATING_OUT_OF_RANGE]: {
        severity: 'error', area: 'stakeholders',
        meaning: 'A trusted-advisor or strategic-partner rating outside 1-10. The ratings are asked on a 1-10 scale; a rating off it (15, 0) would bend the relationship strength, so it is not used.',
        fix: 'Write the rating the stakeholder gave, from 1 to 10.',
        example: 'stakeholder cfo "Ann Berg" { trusted advisor 15 }',
    },
    [CODE_NO_LAST_CONTACT]: {
        severity: 'information', area: 'stakeholders', needsWholeText: true,
        meaning: 'A contact cadence is agreed but no last contact is recorded, so nobody can tell whether the cadence is kept.',
        fix: 'Record the date of the last contact (`last contact 2026-11-03`).',
        example: 'stakeholder cfo "Ann Berg" { cadence monthly }',
    },
    [CODE_UNMET_EXPECTATION]: {
        severity: 'warning', area: 'stakeholders', needsWholeText: true,
        meaning: 'An expectation the stakeholder has is marked `unmet`, and the plan does not say how we will meet it. An unmet expectation with no plan is a complaint waiting to happen.',
        fix: 'Add `how "…"` to the expectation: what we will do, and by when.',
        example: 'expects service "Answers within a day" status unmet',
    },
    // ---- scoring model and scores
    [CODE_WEIGHTS_NOT_100]: {
        severity: 'error', area: 'scoring', quickFix: true, needsWholeText: true,
        meaning: 'The weights of the scoring model do not add up to 100%, so strategic values are not comparable with a sound model.',
        fix: 'Adjust the weights so they sum to 100% (the quick fix scales them proportionally).',
        example: 'scoring model M { factor a weight 50%  factor b weight 40% }',
    },
    [CODE_SCORE_OFF_SCALE]: {
        severity: 'error', area: 'scoring',
        meaning: 'A factor score lies outside the model\'s scale (1-10 unless the model says otherwise), which distorts the strategic value.',
        fix: 'Score the factor within the scale.',
        example: 'scores { currentRevenue 11 }',
    },
    [CODE_INVALID_SCALE]: {
        severity: 'error', area: 'scoring',
        meaning: 'The model\'s scale runs from a number to one that is not higher (`scale 10 to 1`, `scale 5 to 5`): no score can be placed on it, so no strategic value can be computed.',
        fix: 'Write the scale from its lowest to its highest score, e.g. `scale 1 to 10`.',
        example: 'scoring model M { scale 10 to 1  factor a weight 100% }',
    },
    [CODE_TOO_FEW_FACTORS]: {
        severity: 'warning', area: 'scoring', needsWholeText: true,
        meaning: 'Fewer than four factors cannot tell accounts apart; about six is the usual advice.',
        fix: 'Add factors such as potential revenue, profitability, strategic fit, referral value.',
        example: 'scoring model M { factor revenue weight 60%  factor growth weight 40% }',
    },
    [CODE_TOO_MANY_FACTORS]: {
        severity: 'information', area: 'scoring',
        meaning: 'More than twelve factors are hard to score consistently and dilute each other; about six is the usual advice.',
        fix: 'Merge related factors.',
        example: 'scoring model M { factor f1 weight 7% … factor f13 weight 7% }',
    },
    [CODE_NO_FUTURE_FACTOR]: {
        severity: 'warning', area: 'scoring', needsWholeText: true,
        meaning: 'Every factor looks at the past: the model rewards today\'s revenue and cannot see tomorrow\'s potential.',
        fix: 'Tag or add a factor as `future` (potential revenue, strategic fit).',
        example: 'factor currentRevenue weight 100% quantitative past',
    },
    [CODE_NO_QUALITATIVE_FACTOR]: {
        severity: 'warning', area: 'scoring', needsWholeText: true,
        meaning: 'Every factor is quantitative: strategic fit, referral value and ease of doing business are left out of what makes an account attractive.',
        fix: 'Tag or add a factor as `qualitative`.',
        example: 'factor currentRevenue weight 100% quantitative past',
    },
    [CODE_UNSCORED_FACTOR]: {
        severity: 'warning', area: 'scoring', needsWholeText: true,
        meaning: 'The plan scores some factors of the model but not this one. Until it is scored it counts at the bottom of the scale, so leaving out a weak factor can never flatter an account.',
        fix: 'Score the missing factor in `scores { … }`.',
        example: 'scores { currentRevenue 8 }  // potentialRevenue is not scored',
    },
    // ---- renewals, reviews and the joint plan
    [CODE_RENEWAL_WITHOUT_PLAN]: {
        severity: 'warning', area: 'renewals-and-reviews', needsWholeText: true,
        meaning: 'A contract renews within the renewal window (180 days by default, `thresholds.renewalWindowDays`) and nothing in the plan is aimed at it. For a key account the renewal is *the* date: left alone, it is decided by procurement and competitors.',
        fix: 'Add a renewal opportunity (`opportunity "…" { kind renewal  stage …  close … }`) and the objective and actions that secure it.',
        example: 'contract { renewal 2027-03-31 }  // no opportunity of kind renewal',
    },
    [CODE_NOTICE_DEADLINE_PASSED]: {
        severity: 'warning', area: 'renewals-and-reviews',
        meaning: 'The contract\'s notice deadline (the renewal date minus the notice period) has passed and the renewal is not won: the customer\'s chance to give notice is behind us, so whether it was used must be known, not assumed.',
        fix: 'Confirm with the customer whether notice was given; record the renewal opportunity as `stage won`, or plan for the contract ending.',
        example: 'contract { renewal 2027-01-31  notice 3 months }  // reviewed on 2026-11-24',
    },
    [CODE_CONTRACT_DATES]: {
        severity: 'error', area: 'renewals-and-reviews',
        meaning: 'The contract\'s dates contradict each other (it ends or renews before it starts, or renews after it ends), so no renewal can be planned from them.',
        fix: 'Correct the `start`, `end` and `renewal` dates.',
        example: 'contract { start 2026-01-01  end 2025-12-31 }',
    },
    [CODE_REVIEW_OVERDUE]: {
        severity: 'warning', area: 'renewals-and-reviews',
        meaning: 'The plan\'s next review (written, or the last review plus the review cadence) has passed: the account review with the customer did not happen when agreed.',
        fix: 'Hold the review, then update `last reviewed` and `next review`.',
        example: 'review cadence quarterly  last reviewed 2026-06-30  // reviewed on 2026-11-24',
    },
    [CODE_PLAN_NOT_REVIEWED]: {
        severity: 'warning', area: 'renewals-and-reviews', needsWholeText: true,
        meaning: 'A key account plan that nobody has reviewed for two review cadences (or that has never been reviewed, or has no review rhythm) is a document, not a plan: it no longer tells the team what to do.',
        fix: 'Agree a review rhythm with the customer (`review cadence quarterly`), hold the review and record `last reviewed`.',
        example: 'account Acme { tier key  review cadence quarterly  last reviewed 2026-03-31 }',
    },
    [CODE_PLAN_NOT_AGREED]: {
        severity: 'warning', area: 'renewals-and-reviews', needsWholeText: true,
        meaning: 'A key account plan that no executive or economic buyer on the customer\'s side has signed off: the plan is meant to be joint, and objectives nobody there agreed are ours alone.',
        fix: 'Review the plan with the customer\'s executive and record it: `signed off by <stakeholder> on <date>`.',
        example: 'account Acme { tier key  stakeholder ceo "Ann Marsh" { role executive } }',
    },
    // ---- the pipeline
    [CODE_CLOSE_DATE_PASSED]: {
        severity: 'warning', area: 'pipeline',
        meaning: 'An open opportunity\'s expected close date has passed: the pipeline overstates what is coming.',
        fix: 'Update the stage (`won`, `lost`) or agree a new `close` date.',
        example: 'opportunity "Analytics" { stage proposal  close 2026-09-30 }',
    },
    [CODE_POTENTIAL_WITHOUT_PIPELINE]: {
        severity: 'information', area: 'pipeline', needsWholeText: true,
        meaning: 'The account\'s potential revenue is above its current revenue, but no open opportunity with a value is in the pipeline: the growth the plan claims is not planned.',
        fix: 'Add the opportunities that would close the gap, with `value`, `stage` and `close`.',
        example: 'revenue current 1M EUR potential 3M EUR  // no opportunity',
    },
    [CODE_CURRENCY_WITHOUT_RATE]: {
        severity: 'warning', area: 'pipeline',
        meaning: 'An amount is in a currency the portfolio cannot convert: the portfolio mixes currencies and `currency.rates` in kam.config.json has no rate for it, so the amount is left out of totals, the Pareto check and the pipeline.',
        fix: 'Add the reporting currency and a rate to kam.config.json: `"currency": { "reporting": "EUR", "rates": { "USD": 0.92 } }`.',
        example: 'revenue current 2M USD  // in a portfolio reported in EUR, with no USD rate',
    },
    [CODE_WHITESPACE_SHAPE]: {
        severity: 'error', area: 'pipeline',
        meaning: 'A whitespace row has more or fewer cells than there are units: every product needs one cell per business unit or site, in the order of `units`.',
        fix: 'Give each `product` row one of bought, pipeline, open or not-relevant per unit.',
        example: 'whitespace { units "Hamburg", "Rotterdam"  product "Tracking" bought }',
    },
    // ---- the account
    [CODE_HIERARCHY_CYCLE]: {
        severity: 'error', area: 'accounts',
        meaning: 'Accounts are each other\'s group (`part of`) in a circle, so no roll-up can be made.',
        fix: 'Make the group account the one without `part of`, and its subsidiaries `part of` it.',
        example: 'account A { part of B }  account B { part of A }',
    },
    [CODE_NO_OWNER]: {
        severity: 'warning', area: 'accounts', needsWholeText: true,
        meaning: 'The account has no owner on our team: nobody is accountable for the plan.',
        fix: 'Add `owner <team member>`.',
        example: 'account Acme { tier key }',
    },
    [CODE_NO_BACKUP_OWNER]: {
        severity: 'warning', area: 'accounts', quickFix: true, needsWholeText: true,
        meaning: 'A key account without a named backup owner: what happens to the relationship if the account manager leaves?',
        fix: 'Add `backup owner <team member>`.',
        example: 'account Acme { tier key owner anna }',
    },
    [CODE_KEY_FAILS_GATE]: {
        severity: 'warning', area: 'accounts',
        meaning: 'A key account fails a "will and skill" gate (values our solutions, trust at several levels, co-creates with us, sees us ahead of rivals): without them it is only a named account.',
        fix: 'Work on the gate, or reconsider the key status.',
        example: 'will and skill { values our solutions yes  co-creates with us no }',
    },
    [CODE_GATES_NOT_ASSESSED]: {
        severity: 'warning', area: 'accounts', needsWholeText: true,
        meaning: 'A key account whose "will and skill" gates are not all assessed: nobody has checked that it qualifies as key.',
        fix: 'Answer all four gates in `will and skill { … }` (yes, partly, no).',
        example: 'account Acme { tier key }',
    },
    [CODE_KEY_ON_REVENUE_ALONE]: {
        severity: 'warning', area: 'accounts', needsWholeText: true,
        meaning: 'A key account whose past revenue scores high while its future and qualitative factors score below the key threshold: it was chosen on current revenue alone.',
        fix: 'Reconsider the tier, or show the future value in the scores.',
        example: 'scores { currentRevenue 9  potentialRevenue 3  strategicFit 2 }',
    },
    [CODE_MISSING_CUSTOMER_INSIGHT]: {
        severity: 'information', area: 'accounts', needsWholeText: true,
        meaning: 'The plan does not record one of the things an account manager must understand about the customer: goals, markets, strategies, organisational dynamics, competitors.',
        fix: 'Add the section: `customer { goal "…" market "…" strategy "…" organisation "…" }` or `competitor "…" { … }`.',
        example: 'account Acme { customer { market "Rail freight" } }',
    },
    [CODE_INCOMPLETE_PLAN]: {
        severity: 'warning', area: 'completeness', needsWholeText: true,
        meaning: 'A key account\'s plan lacks one of the five elements of an action plan: expectations understood, contacts mapped, relationship strength measured, new relationships and opportunities, actions. Without all five the plan secures and develops the account only in part.',
        fix: 'Add what the message names: expectations for every stakeholder, the executive, finance contact, user and champion, ratings from every influential stakeholder, an opportunity, an objective with actions.',
        example: 'account Acme { tier key  /* no opportunity */ }',
    },
    // ---- objectives and actions
    [CODE_OBJECTIVE_WITHOUT_OWNER]: {
        severity: 'warning', area: 'objectives', quickFix: true, needsWholeText: true,
        meaning: 'An objective without an owner from our team is nobody\'s job.',
        fix: 'Add `owner <team member>` to the objective.',
        example: 'objective grow "Grow the business" { due 2027-06-30 }',
    },
    [CODE_OBJECTIVE_WITHOUT_DUE_DATE]: {
        severity: 'warning', area: 'objectives', quickFix: true, needsWholeText: true,
        meaning: 'An objective without a due date cannot be tracked or shared as a timeline with the customer.',
        fix: 'Add `due yyyy-mm-dd` to the objective.',
        example: 'objective grow "Grow the business" { owner anna }',
    },
    [CODE_OBJECTIVE_WITHOUT_KPI]: {
        severity: 'warning', area: 'objectives', quickFix: true, needsWholeText: true,
        meaning: 'An objective without a KPI cannot be measured: neither we nor the customer will know if it was reached.',
        fix: 'Add `kpi "…" current … target … unit "…"`.',
        example: 'objective grow "Grow the business" { owner anna due 2027-06-30 }',
    },
    [CODE_OVERDUE_ACTION]: {
        severity: 'warning', area: 'objectives',
        meaning: 'An action or milestone is past its due date and not done (or cancelled): the customer sees a promise broken.',
        fix: 'Finish it and set `status done`, or agree a new date with the customer.',
        example: 'action "Send the pilot report" owner anna due 2026-07-31 status planned',
    },
    // ---- feedback and risks
    [CODE_FEEDBACK_WITHOUT_ACTION]: {
        severity: 'warning', area: 'feedback-and-risks', quickFix: true, needsWholeText: true,
        meaning: 'Customer feedback with no action: a key account is one whose supplier listens, accepts feedback, specifies actions and shares a timeline.',
        fix: 'Add `action "…" owner <member> due yyyy-mm-dd` to the feedback.',
        example: 'feedback "Invoices do not match our PO lines" { from cfo }',
    },
    [CODE_FEEDBACK_WITHOUT_TIMELINE]: {
        severity: 'warning', area: 'feedback-and-risks', quickFix: true, needsWholeText: true,
        meaning: 'The response to customer feedback has no due date, so there is no timeline to share with the customer.',
        fix: 'Add `due yyyy-mm-dd` to the feedback\'s action.',
        example: 'feedback "…" { action "Switch to line-item invoicing" owner ben }',
    },
    [CODE_NO_RISKS]: {
        severity: 'warning', area: 'feedback-and-risks', needsWholeText: true,
        meaning: 'No risks are listed: every key account has some (a competitor, a reorganisation, a renewal), and unlisted risks have no contingency.',
        fix: 'Add `risk "…" { likelihood … impact … contingency "…" }`.',
        example: 'account Acme { tier key owner anna }',
    },
    [CODE_RISK_WITHOUT_CONTINGENCY]: {
        severity: 'warning', area: 'feedback-and-risks', quickFix: true, needsWholeText: true,
        meaning: 'A risk with no contingency plan: if it happens, we improvise.',
        fix: 'Add `contingency "…"` to the risk.',
        example: 'risk "Competitor undercuts at renewal" { likelihood high impact high }',
    },
    // ---- the portfolio
    [CODE_KEY_BELOW_THRESHOLD]: {
        severity: 'warning', area: 'portfolio', needsWholeText: true,
        meaning: 'A key account whose strategic value is below the key threshold (6 by default): by the portfolio\'s own model it is not attractive enough to be key.',
        fix: 'Review the scores, or move the account to `tier major` and serve it accordingly.',
        example: 'account Acme { tier key  scores { … } }  // strategic value 4.2',
    },
    [CODE_OWNER_OVER_CAPACITY]: {
        severity: 'warning', area: 'portfolio',
        meaning: 'The owner holds more key accounts than they can look after (their `capacity`, or the capacity-per-owner setting): every one of them gets less attention than a key account needs.',
        fix: 'Move an account to another owner, or raise the capacity if it is really there.',
        example: 'member anna "Anna Keller" capacity 2 key accounts  // and three key accounts owned by anna',
    },
    [CODE_TEAM_OVER_CAPACITY]: {
        severity: 'warning', area: 'portfolio',
        meaning: 'The portfolio has more key accounts than the team has capacity for (the capacities of the members who state one or who own a key account, each at the capacity-per-owner setting unless stated): too many key accounts means none is really key.',
        fix: 'Reduce the number of key accounts, or grow the team.',
        example: 'team T { member anna capacity 2 key accounts }  // and five key accounts',
    },
    [CODE_REVENUE_CONCENTRATION]: {
        severity: 'warning', area: 'portfolio',
        meaning: 'The top fifth of accounts bring more of the revenue than the Pareto limit (80% by default): losing one of these accounts would hurt the business badly.',
        fix: 'Protect these accounts (backup owners, multi-threading) and grow others.',
        example: 'revenue current 40M EUR  // while the other nine accounts bring 5M',
    },
    // ---- names and dates
    [CODE_DUPLICATE_NAME]: {
        severity: 'error', area: 'names',
        meaning: 'Two elements share a name where references must be unambiguous (accounts, team members, factors and scoring models across the workspace; stakeholders and objectives within an account).',
        fix: 'Rename one of them.',
        example: 'team A { member dora }  team B { member dora }',
    },
    [CODE_INVALID_DATE]: {
        severity: 'error', area: 'names', quickFix: true,
        meaning: 'A date that is not a real calendar date (such as 2027-02-30), or one in a year no plan means (before 1900 or after 2199, such as 0026-03-01 for 2026-03-01), makes due dates and contact dates meaningless.',
        fix: 'Write a real date as yyyy-mm-dd, with the year in full.',
        example: 'due 2027-02-30',
    },
    // ---- entries and numbers
    [CODE_DUPLICATE_ENTRY]: {
        severity: 'error', area: 'entries',
        meaning: 'An entry that takes one value is written twice (`tier key` and later `tier standard`): the plan says two things, and only the first one counts.',
        fix: 'Keep the value that is true and delete the other.',
        example: 'account Acme { tier key  tier standard }',
    },
    [CODE_NUMBER_OUT_OF_RANGE]: {
        severity: 'error', area: 'entries',
        meaning: 'A number no plan can mean: larger than a thousand trillion (a slip of the keyboard), a weight or share outside 0-100%, a capacity that is not a whole number of accounts. It is left out of every calculation until corrected.',
        fix: 'Correct the number.',
        example: 'revenue current 99999999999999999999M EUR',
    },
    [CODE_REVIEW_WAITS]: {
        severity: 'information', area: 'entries',
        meaning: 'Part of this element could not be read because of a syntax error, so the reviewer holds back the findings that would say something is missing (it may be in the unread text), and its numbers are provisional. Fixing the syntax error brings the full review back.',
        fix: 'Fix the syntax error named on that line.',
        example: 'account Acme { teir key  stakeholder … }',
    },
    [CODE_UNRESOLVED_REFERENCE]: {
        severity: 'error', area: 'names',
        meaning: 'A name refers to nothing: a team member, stakeholder or factor that is not defined in the workspace (or is misspelt).',
        fix: 'Define the element (for example the team member in the team file) or correct the name.',
        example: 'owner zoe  // no team member zoe',
    },
};

export const KNOWN_CODES: ReadonlySet<string> = new Set(Object.keys(DIAGNOSTICS));
