// Engine throughput: how many events per second one core steps through the three journey
// templates, and how big a session's state gets. Pure CPU: no I/O inside the timed loop.
import {
  JOURNEY_TEMPLATES,
  parseFlow,
  start,
  step,
  type EngineEvent,
  type FlowDocument,
  type SessionContext,
  type SessionState,
  type StartTrigger,
  type StepResult,
} from '@jornada/flow-engine';

interface Script {
  template: string;
  trigger: StartTrigger;
  /** Each step builds its event from the state (timers and effects carry ids the engine chose). */
  steps: Array<(state: SessionState) => EngineEvent>;
}

const currentTimer = (state: SessionState): EngineEvent => ({
  type: 'timer',
  timerId: state.wait && 'timerId' in state.wait && state.wait.timerId ? state.wait.timerId : 'none',
});
const say = (text: string) => (): EngineEvent => ({ type: 'message', message: { kind: 'text', text } });
const tap = (id: string, title: string) => (): EngineEvent => ({ type: 'message', message: { kind: 'button', id, title } });

const cart = {
  token: 'c0ffee',
  total: 349.9,
  currency: 'BRL',
  recovery_path: '123123123/recover?key=example',
  items: [{ title: 'Tênis Runner Azul', quantity: 1, price: 349.9, image_url: 'https://cdn.example.com/p/1.jpg', category: 'Calçados' }],
};
const order = { id: 'o-1', number: '1042', total: 349.9, cart_token: 'c0ffee', items: cart.items };

const SCRIPTS: Script[] = [
  {
    template: 'visitor-question',
    trigger: { type: 'inbound_message', message: { kind: 'text', text: 'oi' } },
    steps: [tap('order', 'Onde está meu pedido'), say('1042'), (s) => ({ type: 'effect_result', effectId: s.wait?.kind === 'effect' ? s.wait.effectId : '', ok: true, status: 200, body: { status: 'enviado', tracking_url: 'https://t.example/1042' } }), tap('yes', 'Sim, obrigado!')],
  },
  {
    template: 'cart-recovery',
    trigger: { type: 'commerce_event', event: 'cart.abandoned', data: { cart } },
    steps: [currentTimer, currentTimer, () => ({ type: 'external', name: 'order.created', data: order })],
  },
  {
    template: 'post-purchase',
    trigger: { type: 'commerce_event', event: 'order.created', data: { order } },
    steps: [
      () => ({ type: 'external', name: 'order.shipped', data: { order_id: 'o-1', tracking_number: 'BR123', tracking_path: 'BR123' } }),
      () => ({ type: 'external', name: 'order.delivered', data: { order_id: 'o-1' } }),
      currentTimer,
      tap('nps_yes', 'Claro!'),
      say('10'),
      say('Chegou rápido e o tênis é ótimo'),
    ],
  },
];

function context(i: number): SessionContext {
  return {
    sessionId: `s${i}`,
    flowId: 'bench',
    flowVersion: 1,
    channel: 'whatsapp',
    contact: { id: `c${i}`, name: 'Marina Souza', phone: '+5511987654321', tags: [], attributes: {} },
    workspace: { name: 'Loja Azul', timezone: 'America/Sao_Paulo', locale: 'pt-BR', currency: 'BRL', country: 'BR' },
  };
}

function runOnce(flow: FlowDocument, script: Script, i: number, now: Date, sizes?: number[]): number {
  let result: StepResult = start({ flow, trigger: script.trigger, context: context(i), now });
  let events = 1;
  if (sizes) sizes.push(JSON.stringify(result.state).length);
  for (const make of script.steps) {
    result = step({ flow, state: result.state, event: make(result.state), now });
    events += 1;
    if (sizes) sizes.push(JSON.stringify(result.state).length);
  }
  if (result.state.status !== 'ended') throw new Error(`${script.template}: scripted conversation did not end (${result.state.status})`);
  return events;
}

export interface EngineBenchResult {
  template: string;
  eventsPerSecond: number;
  eventsPerConversation: number;
  maxStateBytes: number;
}

/** Runs each template's scripted conversation for about `seconds` and reports events/s. */
export function benchEngine(seconds = 3): EngineBenchResult[] {
  const now = new Date('2026-11-27T12:00:00Z');
  return SCRIPTS.map((script) => {
    const template = JOURNEY_TEMPLATES.find((t) => t.id === script.template);
    const parsed = parseFlow(template?.build('pt-BR'));
    if (!parsed.ok) throw new Error(`${script.template}: ${JSON.stringify(parsed.errors)}`);
    const flow = parsed.flow;
    const sizes: number[] = [];
    const perConversation = runOnce(flow, script, 0, now, sizes);
    for (let i = 0; i < 2_000; i += 1) runOnce(flow, script, i, now); // warm-up (JIT)
    let events = 0;
    let i = 0;
    const began = process.hrtime.bigint();
    const deadline = began + BigInt(Math.round(seconds * 1e9));
    let elapsed = 0n;
    do {
      for (let k = 0; k < 500; k += 1) events += runOnce(flow, script, i++, now);
      elapsed = process.hrtime.bigint() - began;
    } while (began + elapsed < deadline);
    return {
      template: script.template,
      eventsPerSecond: Math.round(events / (Number(elapsed) / 1e9)),
      eventsPerConversation: perConversation,
      maxStateBytes: Math.max(...sizes),
    };
  });
}
