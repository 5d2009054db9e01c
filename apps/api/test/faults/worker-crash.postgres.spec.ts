// SIGKILL mid-step, with the queues on BullMQ's PostgreSQL backend (see worker-crash.scenario.ts).
import { describe } from '@jest/globals';
import { workerCrashScenario } from './worker-crash.scenario.js';

describe('a worker killed mid-step (PostgreSQL queues)', () => workerCrashScenario('postgres'));
