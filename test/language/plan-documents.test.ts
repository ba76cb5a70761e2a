/** Reports on a folder take that folder's plans, not a sibling folder that merely shares its name's start. */
import { URI } from 'langium';
import { expect, it } from 'vitest';
import { buildWorkspace } from '../helpers/workspace.js';

it('a folder scope holds its own plans only', async () => {
    const plan = (name: string) => `account ${name} "${name}" { tier standard }\n`;
    const workspace = await buildWorkspace({
        'plans/north.kam': plan('North'),
        'plans/south/south.kam': plan('South'),
        'plans-archive/old.kam': plan('Old'),
    });
    const names = (scope?: string[]) => workspace.services.analysis.PlanAnalyzer
        .planDocuments(scope?.map((s) => URI.parse(`file:///workspace/${s}`)))
        .map((d) => d.uri.path.replace('/workspace/', ''));
    expect(names(['plans'])).toEqual(['plans/north.kam', 'plans/south/south.kam']);
    expect(names(['plans/'])).toEqual(['plans/north.kam', 'plans/south/south.kam']);
    expect(names(['plans-archive/old.kam'])).toEqual(['plans-archive/old.kam']);
    expect(names()).toEqual(['plans-archive/old.kam', 'plans/north.kam', 'plans/south/south.kam']);
});
