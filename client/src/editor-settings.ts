/**
 * The `kam.*` settings the user has set — in user, workspace or folder settings — and only those.
 * VS Code answers `workspace/configuration` with every setting's default filled in, which would
 * make an untouched default (key threshold 6) override the portfolio's kam.config.json (6.5): the
 * editor and CI would disagree. The language server gets the settings someone chose; the file and
 * the defaults do the rest.
 */
import * as vscode from 'vscode';

/** Settings that are the client's own, not the reviewer's. */
const CLIENT_ONLY = new Set(['kam.trace.server']);

/** The `kam.*` setting names this extension declares (`kam.thresholds.keyThreshold` …). */
export function declaredSettings(packageJSON: unknown): string[] {
    const properties = (packageJSON as { contributes?: { configuration?: { properties?: Record<string, unknown> } } })?.contributes?.configuration?.properties ?? {};
    return Object.keys(properties).filter((key) => key.startsWith('kam.') && !CLIENT_ONLY.has(key));
}

/** The explicitly set values as the `kam` section (`{ thresholds: { keyThreshold: 6.5 } }`). */
export function explicitKamSettings(settingNames: string[], scope: vscode.Uri | undefined): Record<string, unknown> {
    const configuration = vscode.workspace.getConfiguration(undefined, scope);
    const section: Record<string, unknown> = {};
    for (const name of settingNames) {
        const inspected = configuration.inspect(name);
        const value = inspected?.workspaceFolderLanguageValue ?? inspected?.workspaceFolderValue ?? inspected?.workspaceLanguageValue
            ?? inspected?.workspaceValue ?? inspected?.globalLanguageValue ?? inspected?.globalValue;
        // An empty date means "not set".
        if (value === undefined || value === '') continue;
        setPath(section, name.slice('kam.'.length).split('.'), value);
    }
    return section;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
    let node = target;
    for (const key of path.slice(0, -1)) {
        if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
        node = node[key] as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value;
}
