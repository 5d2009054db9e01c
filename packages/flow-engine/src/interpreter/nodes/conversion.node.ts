import { next, type NodeHandler } from '../node-handler.js';

/** Records revenue the flow earned (a recovered cart, a repurchase) for the dashboards. */
export const conversionNode: NodeHandler<'conversion'> = {
  enter(node, run) {
    const raw = node.data.value ? run.evaluate(node.data.value) : undefined;
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : undefined;
    const currency = node.data.currency ?? run.env.currency;
    run.emit({
      type: 'record_conversion',
      id: run.nextId(),
      nodeId: node.id,
      kind: node.data.kind,
      ...(value !== undefined && Number.isFinite(value) ? { value, currency } : {}),
    });
    return next('next');
  },
};
