import { JOURNEY_TEMPLATES, parseFlow, type FlowDocument, type FlowOperation } from '@jornada/flow-engine';
import { ApiError } from '../api/api-error.js';
import { Autosave, SaveBlockedError, type SaveStatus } from './autosave.js';

const template = JOURNEY_TEMPLATES.find((candidate) => candidate.id === 'cart-recovery');
if (template === undefined) throw new Error('no cart-recovery template');
const parsed = parseFlow(template.build('en'));
if (!parsed.ok) throw new Error('template does not parse');
const DOCUMENT: FlowDocument = parsed.flow;

const move = (x: number): FlowOperation => ({ type: 'move', positions: { wait_1h: { x, y: 0 } } });

/** Timers under the test's control: `advance(ms)` runs what is due. */
function fakeTimers() {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; run: () => void }>();
  return {
    timers: {
      set: (run: () => void, ms: number) => {
        const id = next++;
        due.set(id, { at: now + ms, run });
        return id;
      },
      clear: (handle: unknown) => {
        due.delete(handle as number);
      },
      now: () => now,
    },
    async advance(ms: number) {
      now += ms;
      await flushPromises();
      // Timers set by timers (or by answers) run too, if they are due by now.
      for (;;) {
        const next = [...due.entries()].filter(([, timer]) => timer.at <= now).sort((a, b) => a[1].at - b[1].at)[0];
        if (next === undefined) break;
        due.delete(next[0]);
        next[1].run();
        await flushPromises();
      }
    },
  };
}

async function flushPromises() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

function setup(overrides: { sendOperations?: jest.Mock; saveDocument?: jest.Mock } = {}) {
  const clock = fakeTimers();
  const statuses: SaveStatus['kind'][] = [];
  const sendOperations = overrides.sendOperations ?? jest.fn((input: { revision: number; operations: FlowOperation[] }) => Promise.resolve({ revision: input.revision + 1 }));
  const saveDocument = overrides.saveDocument ?? jest.fn((input: { revision: number }) => Promise.resolve({ revision: input.revision + 1 }));
  const autosave = new Autosave({
    revision: 4,
    sendOperations,
    saveDocument,
    currentDocument: () => DOCUMENT,
    onStatus: (status) => statuses.push(status.kind),
    timers: clock.timers,
  });
  return { autosave, clock, statuses, sendOperations, saveDocument };
}

const conflict = () =>
  new ApiError({ status: 409, code: 'draft_conflict', message: 'changed', meta: { current: { revision: 9, document: { name: 'Theirs' }, updatedAt: '2026-12-04T10:00:00.000Z' } } });

describe('Autosave', () => {
  it('sends queued operations together after the debounce, at the revision it has', async () => {
    const { autosave, clock, sendOperations, statuses } = setup();
    autosave.enqueue(move(1));
    await clock.advance(500);
    autosave.enqueue(move(2));
    await clock.advance(500);
    expect(sendOperations).not.toHaveBeenCalled();
    await clock.advance(400);
    expect(sendOperations).toHaveBeenCalledTimes(1);
    expect(sendOperations).toHaveBeenCalledWith({ revision: 4, operations: [move(1), move(2)] });
    expect(autosave.revision).toBe(5);
    expect(autosave.dirty).toBe(false);
    expect(statuses).toEqual(['pending', 'pending', 'saving', 'saved']);
  });

  it('queues edits made while a save is in flight and sends them next, at the new revision', async () => {
    let finish: (value: { revision: number }) => void = () => undefined;
    const sendOperations = jest.fn().mockImplementationOnce(() => new Promise((resolve) => (finish = resolve))).mockImplementation((input: { revision: number }) => Promise.resolve({ revision: input.revision + 1 }));
    const { autosave, clock } = setup({ sendOperations });
    autosave.enqueue(move(1));
    await clock.advance(800);
    autosave.enqueue(move(2));
    finish({ revision: 5 });
    await clock.advance(800);
    expect(sendOperations).toHaveBeenNthCalledWith(2, { revision: 5, operations: [move(2)] });
    expect(autosave.revision).toBe(6);
  });

  it('keeps edits when offline and retries with backoff, then saves them all', async () => {
    const sendOperations = jest
      .fn()
      .mockRejectedValueOnce(new ApiError({ status: 0, code: 'network_error', message: 'offline' }))
      .mockRejectedValueOnce(new ApiError({ status: 503, code: 'internal_error', message: 'down' }))
      .mockImplementation((input: { revision: number }) => Promise.resolve({ revision: input.revision + 1 }));
    const { autosave, clock, statuses } = setup({ sendOperations });
    autosave.enqueue(move(1));
    await clock.advance(800);
    expect(autosave.status.kind).toBe('offline');
    autosave.enqueue(move(2));
    await clock.advance(1_000);
    expect(autosave.status.kind).toBe('offline');
    await clock.advance(2_000);
    expect(sendOperations).toHaveBeenLastCalledWith({ revision: 4, operations: [move(1), move(2)] });
    expect(autosave.status.kind).toBe('saved');
    expect(statuses).toContain('offline');
  });

  it('stops at a 409 draft_conflict with their draft, and sends nothing until resolved', async () => {
    const sendOperations = jest.fn().mockRejectedValue(conflict());
    const { autosave, clock } = setup({ sendOperations });
    autosave.enqueue(move(1));
    await clock.advance(800);
    expect(autosave.status).toEqual({ kind: 'conflict', theirs: { revision: 9, document: { name: 'Theirs' } } });
    autosave.enqueue(move(2));
    await clock.advance(60_000);
    expect(sendOperations).toHaveBeenCalledTimes(1);
    await expect(autosave.flush()).rejects.toBeInstanceOf(SaveBlockedError);
  });

  it('conflict, load theirs: drops our edits and continues from their revision', async () => {
    const sendOperations = jest.fn().mockRejectedValueOnce(conflict()).mockImplementation((input: { revision: number }) => Promise.resolve({ revision: input.revision + 1 }));
    const { autosave, clock } = setup({ sendOperations });
    autosave.enqueue(move(1));
    await clock.advance(800);
    autosave.acceptTheirs(9);
    expect(autosave.dirty).toBe(false);
    expect(autosave.status.kind).toBe('saved');
    autosave.enqueue(move(3));
    await clock.advance(800);
    expect(sendOperations).toHaveBeenLastCalledWith({ revision: 9, operations: [move(3)] });
  });

  it('conflict, keep mine: saves the whole document over theirs at their revision', async () => {
    const sendOperations = jest.fn().mockRejectedValue(conflict());
    const { autosave, clock, saveDocument } = setup({ sendOperations });
    autosave.enqueue(move(1));
    await clock.advance(800);
    await autosave.overwrite(9);
    expect(saveDocument).toHaveBeenCalledWith({ revision: 9, document: DOCUMENT });
    expect(autosave.revision).toBe(10);
    expect(autosave.status.kind).toBe('saved');
  });

  it('falls back to saving the whole document when the server refuses the operations', async () => {
    const sendOperations = jest.fn().mockRejectedValue(new ApiError({ status: 422, code: 'operation_refused', message: 'unknown node' }));
    const { autosave, clock, saveDocument } = setup({ sendOperations });
    autosave.enqueue(move(1));
    await clock.advance(800);
    expect(saveDocument).toHaveBeenCalledWith({ revision: 4, document: DOCUMENT });
    expect(autosave.status.kind).toBe('saved');
    expect(autosave.revision).toBe(5);
  });

  it('edits made while the whole document travels are sent afterwards, not forgotten', async () => {
    let finish: (value: { revision: number }) => void = () => undefined;
    const sendOperations = jest.fn().mockRejectedValueOnce(new ApiError({ status: 404, code: 'not_found', message: 'no route' })).mockImplementation((input: { revision: number }) => Promise.resolve({ revision: input.revision + 1 }));
    const saveDocument = jest.fn(() => new Promise<{ revision: number }>((resolve) => (finish = resolve)));
    const { autosave, clock } = setup({ sendOperations, saveDocument });
    autosave.enqueue(move(1));
    await clock.advance(800);
    expect(saveDocument).toHaveBeenCalledTimes(1);
    autosave.enqueue(move(2));
    finish({ revision: 5 });
    await clock.advance(800);
    expect(sendOperations).toHaveBeenLastCalledWith({ revision: 5, operations: [move(2)] });
    expect(autosave.dirty).toBe(false);
  });

  it('a whole-document save still meets a conflict safely', async () => {
    const sendOperations = jest.fn().mockRejectedValue(new ApiError({ status: 404, code: 'not_found', message: 'no route' }));
    const saveDocument = jest.fn().mockRejectedValue(conflict());
    const { autosave, clock } = setup({ sendOperations, saveDocument });
    autosave.enqueue(move(1));
    await clock.advance(800);
    expect(autosave.status.kind).toBe('conflict');
  });

  it('flush() sends at once and resolves when saved; rejects when it cannot save', async () => {
    const { autosave, sendOperations } = setup();
    autosave.enqueue(move(1));
    await autosave.flush();
    expect(sendOperations).toHaveBeenCalledTimes(1);
    expect(autosave.dirty).toBe(false);

    const offline = setup({ sendOperations: jest.fn().mockRejectedValue(new ApiError({ status: 0, code: 'network_error', message: 'offline' })) });
    offline.autosave.enqueue(move(1));
    await expect(offline.autosave.flush()).rejects.toBeInstanceOf(SaveBlockedError);
    expect(offline.autosave.dirty).toBe(true);
  });

  it('a refusal that is not transient (403) is reported as failed and not retried', async () => {
    const sendOperations = jest.fn().mockRejectedValue(new ApiError({ status: 403, code: 'forbidden', message: 'no' }));
    const { autosave, clock } = setup({ sendOperations });
    autosave.enqueue(move(1));
    await clock.advance(800);
    expect(autosave.status.kind).toBe('failed');
    await clock.advance(60_000);
    expect(sendOperations).toHaveBeenCalledTimes(1);
  });

  it('after dispose nothing is sent; activate() picks up again', async () => {
    const { autosave, clock, sendOperations } = setup();
    autosave.dispose();
    autosave.activate();
    autosave.enqueue(move(1));
    await clock.advance(800);
    expect(sendOperations).toHaveBeenCalledTimes(1);
  });
});
