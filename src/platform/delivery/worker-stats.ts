export interface WorkerStats {
  sent: number;
  updated: number;
  failed: number;
  inactive: number;
  retried: number;
  throttled: number;
  /** Outcomes we could not record because another worker had taken the item: possible duplicates. */
  leaseLost: number;
  /** People reached without a stored conversation: by a proactive install, or by createConversation. */
  installed: number;
  opened: number;
  /** People no way could reach (counted in `inactive` too). */
  unreachable: number;
  /** Time from Teams' answer to the outcome being stored: the window in which a crash duplicates. */
  recordMsTotal: number;
  recordMsMax: number;
}

export const emptyStats = (): WorkerStats => ({
  sent: 0,
  updated: 0,
  failed: 0,
  inactive: 0,
  retried: 0,
  throttled: 0,
  leaseLost: 0,
  installed: 0,
  opened: 0,
  unreachable: 0,
  recordMsTotal: 0,
  recordMsMax: 0,
});
