// Preloaded into a measured process (`node -r bench/usage.cjs …`): at exit it appends the process's
// own peak memory, CPU time and the main thread's garbage-collection pauses to the file named by
// KAM_BENCH_USAGE, one JSON line.
'use strict';
const file = process.env.KAM_BENCH_USAGE;
if (file) {
    // V8's record of each collection's pause on the main thread (the helper threads' share is in the CPU time),
    // kept synchronously: Node's `gc` performance entries come on the event loop, which a synchronous
    // stretch of work (a portfolio's parse) does not turn before the process exits.
    const profiler = new (require('v8').GCProfiler)();
    profiler.start();
    process.on('exit', () => {
        const gcMs = (profiler.stop()?.statistics ?? []).reduce((sum, collection) => sum + collection.cost / 1000, 0);
        const usage = process.resourceUsage();
        require('fs').appendFileSync(file, `${JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, gcMs })}\n`);
    });
}
