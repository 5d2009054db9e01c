// SIGKILL mid-step, with the queues on Redis (see worker-crash.scenario.ts). Skipped only on a
// machine without REDIS_URL; CI sets it.
import { describe } from '@jest/globals';
import { workerCrashScenario } from './worker-crash.scenario.js';

const describeWithRedis = process.env['REDIS_URL'] ? describe : describe.skip;
describeWithRedis('a worker killed mid-step (Redis queues)', () => workerCrashScenario('redis'));
