import { targetOf } from '../../graph/flow-index.js';
import { next, type NodeHandler } from '../node-handler.js';

/**
 * Sends an approved WhatsApp template: the only message allowed outside the 24-hour window.
 * Its connected quick-reply buttons become routes: a tap later, while the session waits
 * anywhere, takes that button's path.
 */
export const whatsappTemplateNode: NodeHandler<'whatsapp_template'> = {
  enter(node, run) {
    const { data } = node;
    const header =
      data.header?.kind === 'text'
        ? { kind: 'text' as const, params: data.header.params.map((p) => run.render(p)) }
        : data.header
          ? { kind: data.header.kind, url: run.render(data.header.url) }
          : undefined;
    run.send(node.id, {
      kind: 'template',
      name: data.name,
      language: data.language,
      ...(header ? { header } : {}),
      body: data.body.map((p) => run.render(p)),
      urlButtons: (data.urlButtons ?? []).map((b) => ({ index: b.index, param: run.render(b.param) })),
      quickReplies: (data.quickReplies ?? []).map((q) => ({ index: q.index, id: q.id, title: q.title })),
    });
    const routes = { ...run.state.routes };
    for (const reply of data.quickReplies ?? []) {
      const target = targetOf(run.index, node.id, reply.id);
      if (target) routes[reply.id] = { nodeId: target, title: reply.title, from: node.id };
    }
    if (Object.keys(routes).length > 0) run.state.routes = routes;
    return next('next');
  },
};
