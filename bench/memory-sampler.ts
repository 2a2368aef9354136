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
  const sample = () => {
    const now = process.memoryUsage();
    if (now.rss > peak.rss) peak = now;
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
