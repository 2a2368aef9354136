/** Peak RSS of this process, and what it was made of at the sample that saw the peak (issue #17). */
export interface PeakMemory {
  rssMb: number;
  /** Live and not yet collected objects on V8's heap at the peak sample. */
  heapUsedMb: number;
  /** What V8 had reserved for its heap at that sample. */
  heapTotalMb: number;
  /** RSS outside V8's heap: code, buffers, SQLite, native modules. */
  outsideMb: number;
}

const mb = (bytes: number) => bytes / 2 ** 20;

export function startMemorySampler(everyMs = 100): { stop(): PeakMemory } {
  let peak = process.memoryUsage();
  // BENCH_RSS_EVERY_S=10: also print RSS and heap every 10 s to stderr, to see when the peak comes.
  const every = Number(process.env.BENCH_RSS_EVERY_S ?? 0) * 1000;
  const started = Date.now();
  let printed = 0;
  const sample = () => {
    const now = process.memoryUsage();
    if (now.rss > peak.rss) peak = now;
    const t = Date.now() - started;
    if (every > 0 && t - printed >= every) {
      printed = t;
      const line = [now.rss, now.heapUsed, now.heapTotal].map((b) => mb(b).toFixed(0)).join(' / ');
      process.stderr.write(`  t=${Math.round(t / 1000)}s rss / heap used / heap reserved (MB): ${line}\n`);
    }
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      sample();
      clearInterval(timer);
      // The kernel's own high-water mark catches a peak between two samples (without its breakdown).
      const rss = Math.max(peak.rss, process.resourceUsage().maxRSS * 1024);
      return {
        rssMb: mb(rss),
        heapUsedMb: mb(peak.heapUsed),
        heapTotalMb: mb(peak.heapTotal),
        outsideMb: mb(peak.rss - peak.heapTotal),
      };
    },
  };
}
