import { readFileSync } from 'node:fs';

/** CPU time of a process and of its main thread so far, in ms; undefined where /proc is not there. */
export interface CpuSample {
  readonly process: number;
  readonly mainThread: number;
}

// utime and stime are fields 14 and 15 of /proc/<pid>/stat, counted from after the command's
// closing parenthesis (the command itself may hold spaces); clock ticks of 10 ms.
const TICK_MS = 10;
function cpuOf(statFile: string): number {
  const stat = readFileSync(statFile, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/**
 * The main thread is where a Node bot's turns run; the process adds the collector's helpers,
 * the thread pool and LMDB's write thread. Linux only: elsewhere the bench prints no CPU column.
 */
export function sampleCpu(pid: number): CpuSample | undefined {
  try {
    return { process: cpuOf(`/proc/${pid}/stat`), mainThread: cpuOf(`/proc/${pid}/task/${pid}/stat`) };
  } catch {
    return undefined;
  }
}
