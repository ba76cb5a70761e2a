// Types of load-bundle.cjs for the TypeScript that bundles it (server/src/code-cached-main.ts).
/** Runs the CommonJS file `file` as a module with V8's code from an earlier run; `purpose` names the cache. */
export function loadBundle(file: string, purpose: string, env?: NodeJS.ProcessEnv): unknown;
/** Where the caches live, or undefined when they are turned off. */
export function cacheFolder(env: NodeJS.ProcessEnv): string | undefined;
