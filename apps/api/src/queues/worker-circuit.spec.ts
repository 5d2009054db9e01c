import { describe, expect, it, jest } from '@jest/globals';
import pino from 'pino';
import { isStoreUnreachable, WorkerCircuit, type PausableWorker } from './worker-circuit.js';

function fakeWorker(): PausableWorker & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    pause: () => {
      calls.push('pause');
      return Promise.resolve();
    },
    resume: () => {
      calls.push('resume');
    },
  };
}

const silent = pino({ level: 'silent' });

describe('isStoreUnreachable', () => {
  it('recognises connection failures of pg and ioredis', () => {
    for (const message of ['Connection terminated unexpectedly', 'read ECONNRESET', 'connect ECONNREFUSED 127.0.0.1:5432', 'timeout exceeded when trying to connect', 'Client has encountered a connection error and is not queryable']) {
      expect([message, isStoreUnreachable(new Error(message))]).toEqual([message, true]);
    }
    expect(isStoreUnreachable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isStoreUnreachable(Object.assign(new Error('connection failure'), { code: '08006' }))).toBe(true);
  });

  it('does not mistake job and SQL errors for an outage', () => {
    expect(isStoreUnreachable(new Error('duplicate key value violates unique constraint'))).toBe(false);
    expect(isStoreUnreachable(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(isStoreUnreachable('Connection terminated')).toBe(false);
    expect(isStoreUnreachable(null)).toBe(false);
  });

  it('recognises an error from another realm (a socket error seen inside a VM context)', () => {
    expect(isStoreUnreachable({ name: 'Error', message: 'read ECONNRESET', code: 'ECONNRESET' })).toBe(true);
  });
});

describe('WorkerCircuit', () => {
  it('pauses once per outage, resumes after a pause that doubles while it lasts, and resets after a success', () => {
    jest.useFakeTimers();
    try {
      const worker = fakeWorker();
      const circuit = new WorkerCircuit(worker, { queue: 'inbound', logger: silent, minPauseMs: 100, maxPauseMs: 300 });
      const down = new Error('Connection terminated unexpectedly');
      for (let i = 0; i < 1000; i += 1) circuit.onError(down);
      expect(worker.calls).toEqual(['pause']);
      jest.advanceTimersByTime(100);
      expect(worker.calls).toEqual(['pause', 'resume']);
      circuit.onError(down); // still down: a longer pause
      jest.advanceTimersByTime(199);
      expect(worker.calls).toEqual(['pause', 'resume', 'pause']);
      jest.advanceTimersByTime(1);
      circuit.onError(down); // capped at maxPauseMs
      jest.advanceTimersByTime(299);
      expect(worker.calls.filter((c) => c === 'resume')).toHaveLength(2);
      jest.advanceTimersByTime(1);
      circuit.onSuccess();
      circuit.onError(down);
      jest.advanceTimersByTime(100);
      expect(worker.calls.filter((c) => c === 'resume')).toHaveLength(4);
    } finally {
      jest.useRealTimers();
    }
  });

  it('leaves the worker alone for job errors, and stops resuming once closed', () => {
    jest.useFakeTimers();
    try {
      const worker = fakeWorker();
      const circuit = new WorkerCircuit(worker, { queue: 'outbound', logger: silent, minPauseMs: 100 });
      circuit.onError(new Error('Missing lock for job 42'));
      expect(worker.calls).toEqual([]);
      circuit.onError(new Error('Connection terminated unexpectedly'));
      circuit.close();
      jest.advanceTimersByTime(1000);
      expect(worker.calls).toEqual(['pause']);
    } finally {
      jest.useRealTimers();
    }
  });
});
