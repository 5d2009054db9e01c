// CPU time of the processes a benchmark drives, read from /proc (Linux): where each message's
// cost goes — the server, PostgreSQL, Redis, the load generator. On another OS it reads nothing
// and the benchmark leaves the column out.
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

export interface CpuSample {
  readonly server: number;
  readonly postgres: number;
  readonly redis: number;
  readonly loadGenerator: number;
}

/** Seconds of CPU (user + system) the process has used; 0 when it cannot be read. */
function cpuSecondsOf(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${String(pid)}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function pidsNamed(name: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${String(pid)}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    });
}

/**
 * The CPU used so far by the server, every PostgreSQL and Redis process on this machine (a
 * backend that exits in between takes its time with it: the pool keeps its connections), and
 * this process.
 */
export function sampleCpu(serverPid: number | undefined): CpuSample {
  const own = process.cpuUsage();
  return {
    server: serverPid === undefined ? 0 : cpuSecondsOf(serverPid),
    postgres: pidsNamed('postgres').reduce((sum, pid) => sum + cpuSecondsOf(pid), 0),
    redis: pidsNamed('redis-server').reduce((sum, pid) => sum + cpuSecondsOf(pid), 0),
    loadGenerator: (own.user + own.system) / 1e6,
  };
}

/** Milliseconds of CPU per message between two samples, by process. */
export function cpuPerMessage(before: CpuSample, after: CpuSample, messages: number): CpuSample {
  const per = (key: keyof CpuSample) => Math.round(((after[key] - before[key]) * 1000 * 100) / Math.max(messages, 1)) / 100;
  return { server: per('server'), postgres: per('postgres'), redis: per('redis'), loadGenerator: per('loadGenerator') };
}
