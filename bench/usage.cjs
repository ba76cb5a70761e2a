// Preloaded into a measured process (`node -r bench/usage.cjs …`): at exit it appends the process's
// own peak memory and CPU time to the file named by KAM_BENCH_USAGE, one JSON line.
'use strict';
const file = process.env.KAM_BENCH_USAGE;
if (file) {
    process.on('exit', () => {
        const usage = process.resourceUsage();
        require('fs').appendFileSync(file, `${JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 })}\n`);
    });
}
