/** A question a bench child answers over IPC: its CPU time since the last one. */
export interface CpuUsageRequest {
  readonly id: number;
  readonly op: string;
}

/** Answers `usage` questions from the parent with this process's CPU (user + system, ms) since the previous one. */
export function answerCpuUsage(): void {
  let since = process.cpuUsage();
  process.on('message', (message: CpuUsageRequest) => {
    if (message.op !== 'usage') return;
    const used = process.cpuUsage(since);
    since = process.cpuUsage();
    process.send!({ id: message.id, cpuMs: (used.user + used.system) / 1000 });
  });
}
