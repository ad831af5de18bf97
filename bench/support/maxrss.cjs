// Preloaded (node --require) into a benchmarked child process: at exit, writes the
// process's peak resident memory (worker threads included) and CPU time, as JSON, to
// the file named by CABLEWRIGHT_BENCH_USAGE.
const { isMainThread } = require('node:worker_threads');
const file = process.env.CABLEWRIGHT_BENCH_USAGE;
if (isMainThread && file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    require('node:fs').writeFileSync(file, JSON.stringify({ maxRssKb: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 }));
  });
}
