// Loads the CLI's bundle as `require` would, with V8's compiled code kept between runs.
//
// Node's compile cache (module.enableCompileCache) keeps only what V8 compiles when the file is
// loaded: the bundle's top level, a third of the code a `kam validate` runs. Every other function
// (the parser's rules, the reviewer's checks, the report) was compiled again at every run. Here the
// cache is written when the run ends, so it holds every function the command used: measured 0.93 ×
// for a small `kam validate` and 0.97 × for 2,000 plans (paired whole processes). One cache per
// command (what `kam --version` compiles is not what `kam report` needs), made by its first run.
//
// Plain CommonJS in syntax any Node reads, like bin/kam.cjs; no dependency. Nothing here can stop
// kam: a missing, stale, foreign or unreadable cache is compiled afresh, an unwritable folder only
// costs the time the cache would have saved.
'use strict';
var fs = require('fs');
var os = require('os');
var path = require('path');
var vm = require('vm');
var Module = require('module');

/** Where the caches live: $KAM_CACHE_DIR, else the platform's per-user cache folder; none when turned off. */
function cacheFolder(env) {
    if (env.KAM_CODE_CACHE === 'off' || env.NODE_DISABLE_COMPILE_CACHE) return undefined;
    if (env.KAM_CACHE_DIR) return path.join(env.KAM_CACHE_DIR, 'code');
    var home;
    try {
        home = os.homedir();
    } catch (_error) {
        return undefined;
    }
    if (process.platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'kam', 'Cache', 'code');
    if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'kam', 'code');
    return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'kam', 'code');
}

/** A short stable tag for the bundle's path and Node's flags, so two checkouts keep (and clean) their own caches. */
function pathTag(text) {
    var hash = 2166136261;
    for (var i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
    return (hash >>> 0).toString(36);
}

/**
 * The cache file for this bundle, this Node and this command. V8 checks its own version and flags
 * and the source's length, not the source itself: the bundle's size and modification time in the
 * name make a rebuilt bundle never read another build's code.
 */
function cacheFileFor(folder, filename, purpose) {
    var stat = fs.statSync(filename);
    // V8 rejects a cache made under other flags (a profiling run's --cpu-prof): each set of flags keeps its own.
    var flags = process.execArgv.join(' ') + '\0' + (process.env.NODE_OPTIONS || '');
    var prefix = purpose + '-' + pathTag(filename + '\0' + flags) + '-';
    return { prefix: prefix, file: path.join(folder, prefix + process.version + '-' + process.arch + '-' + stat.size + '-' + Math.round(stat.mtimeMs) + '.bin') };
}

function writeCache(script, cache) {
    try {
        var data = script.createCachedData();
        var folder = path.dirname(cache.file);
        fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
        // Written aside and renamed: a kam starting meanwhile reads the old cache or the new one, never half of one.
        var temporary = cache.file + '.' + process.pid + '.tmp';
        fs.writeFileSync(temporary, data, { mode: 0o600 });
        fs.renameSync(temporary, cache.file);
        // Earlier builds' caches of this command and checkout are of no more use.
        fs.readdirSync(folder).forEach(function (name) {
            if (name.startsWith(cache.prefix) && name.endsWith('.bin') && path.join(folder, name) !== cache.file) fs.rmSync(path.join(folder, name), { force: true });
        });
        keepNewest(folder, cache.file);
    } catch (_error) {
        // An unwritable cache folder only costs the start-up time the cache would have saved.
    }
}

/** Caches kept in the folder: enough for every command of a few checkouts and Node versions. */
var MAX_CACHES = 24;

/**
 * Keeps the folder from growing without end: each checkout, installed version and set of Node flags
 * writes caches of its own (2-3 MB each), and one that is gone never removes them. The caches
 * written longest ago go first; one still in use is simply written again by its next run.
 */
function keepNewest(folder, written) {
    var caches = fs.readdirSync(folder).filter(function (name) { return name.endsWith('.bin'); }).map(function (name) {
        var file = path.join(folder, name);
        try {
            return { file: file, time: fs.statSync(file).mtimeMs };
        } catch (_error) {
            return undefined;
        }
    }).filter(function (entry) { return entry && entry.file !== written; });
    caches.sort(function (a, b) { return b.time - a.time; });
    caches.slice(MAX_CACHES - 1).forEach(function (entry) { fs.rmSync(entry.file, { force: true }); });
}

/**
 * Runs the CommonJS file `file` as a module and returns its exports; `purpose` names the cache
 * (the command). `env` is the environment that says where the cache is, or that it is off.
 */
function loadBundle(file, purpose, env) {
    var filename = path.resolve(file);
    var source = fs.readFileSync(filename, 'utf8');
    var folder = cacheFolder(env || process.env);
    var cache;
    var cachedData;
    if (folder) {
        try {
            cache = cacheFileFor(folder, filename, /^[a-z][a-z-]{0,30}$/.test(purpose) ? purpose : 'other');
            cachedData = fs.readFileSync(cache.file);
        } catch (_error) {
            cachedData = undefined;
        }
    }
    // The wrapper Node itself puts around a CommonJS module, on the first line so line numbers stay the file's.
    var script = new vm.Script('(function (exports, require, module, __filename, __dirname) { ' + source + '\n})', {
        filename: filename,
        cachedData: cachedData,
        importModuleDynamically: vm.constants && vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    if (cache && (!cachedData || script.cachedDataRejected)) {
        process.once('exit', function () {
            writeCache(script, cache);
        });
    }
    var bundle = new Module(filename, require.main || module);
    bundle.filename = filename;
    bundle.paths = Module._nodeModulePaths(path.dirname(filename));
    var wrapper = script.runInThisContext({ displayErrors: true });
    wrapper.call(bundle.exports, bundle.exports, Module.createRequire(filename), bundle, filename, path.dirname(filename));
    bundle.loaded = true;
    return bundle.exports;
}

module.exports = { loadBundle: loadBundle, cacheFolder: cacheFolder };
