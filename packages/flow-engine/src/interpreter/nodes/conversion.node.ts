import { parseNumber } from '../../answers/index.js';
import { next, type NodeHandler } from '../node-handler.js';

/** Records revenue the flow earned (a recovered cart, a repurchase) for the dashboards. */
export const conversionNode: NodeHandler<'conversion'> = {
  enter(node, run) {
    const raw = node.data.value ? run.evaluate(node.data.value) : undefined;
    // Stores send amounts as text too, often in local notation ("129,90").
    const parsed = typeof raw === 'string' ? parseNumber(raw, run.env.locale) : undefined;
    const value = typeof raw === 'number' ? raw : parsed?.ok ? parsed.value : undefined;
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
