import { evaluateSource } from '../compiled.js';
import { ignore, next, type NodeHandler } from '../node-handler.js';
import { toJson } from '../run.js';

/**
 * Asks the shell to make the call (the engine does no I/O) and waits for its result; the
 * shell enforces timeouts, size limits and the private-address ban.
 */
export const httpRequestNode: NodeHandler<'http_request'> = {
  enter(node, run) {
    const { data } = node;
    const headers: Record<string, string> = {};
    for (const h of data.headers ?? []) headers[h.name] = run.render(h.value);
    const id = run.nextId();
    run.emit({
      type: 'http_request',
      id,
      nodeId: node.id,
      method: data.method,
      url: run.render(data.url),
      headers,
      ...(data.body !== undefined ? { body: run.render(data.body) } : {}),
      timeoutMs: data.timeoutMs,
    });
    return { kind: 'wait', wait: { kind: 'effect', nodeId: node.id, effectId: id } };
  },

  resume(node, wait, event, run) {
    if (wait.kind !== 'effect' || event.type !== 'effect_result' || event.effectId !== wait.effectId) return ignore;
    if (!event.ok) {
      run.log('warn', 'http_request_failed', event.error ?? `HTTP ${event.status ?? 'error'}`, node.id);
      return next('error');
    }
    // Mapping paths are expressions over the response, e.g. `data.items[0].id` -> scope { data: body }.
    const scope = { data: event.body ?? null, status: event.status ?? null };
    for (const { variable, path } of node.data.responseMapping ?? []) {
      run.setVar(variable, toJson(evaluateSource(path, scope, run.env)));
    }
    return next('success');
  },
};
