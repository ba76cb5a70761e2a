/** Our people by id, from every team file of the workspace: reports name owners in full. */
import type { LangiumDocuments } from 'langium';
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
