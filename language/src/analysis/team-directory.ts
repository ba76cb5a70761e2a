/** Our people by id, from every team file of the workspace: reports name owners in full. */
import type { LangiumDocuments, URI } from 'langium';
import type { KamServices } from '../kam-module.js';
import type { ReportContext } from '../reports/render-report.js';
import { todayIso } from '../domain/quantities.js';
import { isPlanFile, isTeam } from '../generated/ast.js';
import { peopleOf, type People } from '../reports/view-model.js';
import { toTeamMember } from './extract-plan.js';

export function teamDirectory(documents: LangiumDocuments): People {
    return peopleOf(documents.all
        .map((d) => d.parseResult.value)
        .filter(isPlanFile)
        .flatMap((root) => root.elements.filter(isTeam).flatMap((t) => t.members.map(toTeamMember)))
        .toArray());
}

/**
 * What a report needs besides the accounts: the date it is as of and the thresholds of the
 * portfolio the reported plans belong to (the first plan's; a report covers one portfolio), and
 * our people by name. One function for the server and the CLI, so both report alike.
 */
export function reportContextFor(Kam: KamServices, planUri: URI | undefined): ReportContext {
    const settings = Kam.analysis.ReviewSettings.settingsFor(planUri);
    return { today: settings.today ?? todayIso(), thresholds: settings.thresholds, people: teamDirectory(Kam.shared.workspace.LangiumDocuments), currency: settings.currency };
}
