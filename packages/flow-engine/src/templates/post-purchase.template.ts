import type { JourneyTemplate, TemplateLocale } from './journey-template.js';
import { edges, gridPositions } from './journey-template.js';

const TEXTS = {
  'pt-BR': {
    name: 'Pós-compra',
    description: 'Confirma o pedido, avisa o envio com rastreio, pergunta o NPS 3 dias após a entrega; detratores vão para uma pessoa, promotores ganham pedido de avaliação e uma oferta.',
    language: 'pt_BR',
    yes: 'Claro!',
    no: 'Agora não',
    nps: 'De 0 a 10, quanto você recomendaria a {{workspace.name | default:"nossa loja"}} para um amigo?',
    comment: 'Obrigado! Quer contar o motivo da sua nota?',
    detractorMessage: 'Sinto muito que sua experiência não foi boa. Uma pessoa do nosso time vai falar com você agora mesmo.',
    detractorReason: 'NPS {{nps_score}} no pedido {{order.number}}. Comentário: {{nps_comment | default:"(sem comentário)"}}',
    notShippedReason: 'Pedido {{order.number}} não foi enviado em 7 dias.',
    passive: 'Obrigado pela resposta! Vamos usar sua opinião para melhorar. 💚',
    review: 'Que ótimo! 🤩 Você pode deixar uma avaliação do produto? Ajuda muito: {{review_url}}',
    offerShoes: 'Como presente, 15% de desconto em meias e acessórios para o seu tênis: cupom *PASSO15*.',
    offerClothes: 'Como presente, 15% de desconto na nova coleção: cupom *LOOK15*.',
    offerDefault: 'Como presente, 10% de desconto na sua próxima compra: cupom *VOLTE10*.',
    later: 'Sem problemas! Obrigado por comprar com a gente. 💚',
  },
  en: {
    name: 'Post-purchase',
    description: 'Confirms the order, sends shipping with tracking, asks NPS 3 days after delivery; detractors go to a person, promoters get a review request and an offer.',
    language: 'en_US',
    yes: 'Sure!',
    no: 'Not now',
    nps: 'From 0 to 10, how likely are you to recommend {{workspace.name | default:"our store"}} to a friend?',
    comment: 'Thank you! Would you tell us the reason for your score?',
    detractorMessage: 'I am sorry your experience was not good. Someone from our team will talk to you right away.',
    detractorReason: 'NPS {{nps_score}} on order {{order.number}}. Comment: {{nps_comment | default:"(no comment)"}}',
    notShippedReason: 'Order {{order.number}} was not shipped within 7 days.',
    passive: 'Thank you for your answer! We will use it to improve. 💚',
    review: 'Wonderful! 🤩 Would you leave a review of the product? It helps a lot: {{review_url}}',
    offerShoes: 'As a gift, 15% off socks and accessories for your sneakers: code *STEP15*.',
    offerClothes: 'As a gift, 15% off the new collection: code *LOOK15*.',
    offerDefault: 'As a gift, 10% off your next order: code *BACK10*.',
    later: 'No problem! Thank you for shopping with us. 💚',
  },
} as const;

const SAME_ORDER = 'event.order_id == order.id';

/**
 * Journey 3: order.created -> confirmation -> shipped (tracking) -> delivered -> 3 days ->
 * NPS. The NPS is opened by a template with quick replies, because three days after the
 * last message WhatsApp allows nothing else; the survey follows the customer's tap.
 */
export const postPurchaseTemplate: JourneyTemplate = {
  id: 'post-purchase',
  name: { 'pt-BR': TEXTS['pt-BR'].name, en: TEXTS.en.name },
  description: { 'pt-BR': TEXTS['pt-BR'].description, en: TEXTS.en.description },
  build(locale: TemplateLocale) {
    const t = TEXTS[locale];
    return {
      schemaVersion: 1,
      name: t.name,
      description: t.description,
      triggers: [{ id: 'order_created', type: 'commerce_event', event: 'order.created' }],
      variables: [
        { name: 'shipment', type: 'object' },
        { name: 'nps_score', type: 'number' },
        { name: 'nps_comment', type: 'text', default: '' },
        { name: 'first_category', type: 'text' },
        { name: 'review_url', type: 'text', default: 'https://www.example-store.com/reviews' },
      ],
      nodes: [
        {
          id: 'confirm',
          type: 'whatsapp_template',
          label: 'Order confirmed',
          data: { name: 'order_confirmation', language: t.language, body: ['{{contact.first_name | default:""}}', '{{order.number}}', '{{order.total | currency}}'] },
        },
        {
          id: 'wait_shipped',
          type: 'wait_for_event',
          label: 'Shipped within 7 days?',
          data: { events: ['order.shipped'], within: { amount: 7, unit: 'days' }, match: SAME_ORDER, saveAs: 'shipment' },
        },
        {
          id: 'shipped',
          type: 'whatsapp_template',
          label: 'Shipped, with tracking',
          data: {
            name: 'order_shipped',
            language: t.language,
            body: ['{{contact.first_name | default:""}}', '{{order.number}}', '{{shipment.tracking_number}}'],
            urlButtons: [{ index: 0, param: '{{shipment.tracking_path}}' }],
          },
        },
        {
          id: 'not_shipped',
          type: 'handoff',
          label: 'Alert: not shipped',
          data: { team: 'orders', priority: 'high', reason: t.notShippedReason },
        },
        {
          id: 'wait_delivered',
          type: 'wait_for_event',
          label: 'Delivered within 30 days?',
          data: { events: ['order.delivered'], within: { amount: 30, unit: 'days' }, match: SAME_ORDER },
        },
        { id: 'wait_3d', type: 'wait', label: 'Wait 3 days', data: { mode: 'duration', duration: { amount: 3, unit: 'days' } } },
        {
          id: 'nps_invite',
          type: 'whatsapp_template',
          label: 'Invite to NPS',
          data: {
            name: 'nps_invite',
            language: t.language,
            body: ['{{contact.first_name | default:""}}', '{{order.number}}'],
            quickReplies: [
              { index: 0, id: 'nps_yes', title: t.yes },
              { index: 1, id: 'nps_no', title: t.no },
            ],
          },
        },
        {
          id: 'wait_tap',
          type: 'wait',
          label: 'Up to 3 days for a tap',
          data: { mode: 'duration', duration: { amount: 3, unit: 'days' }, interruptOnReply: true },
        },
        {
          id: 'nps',
          type: 'survey',
          label: 'NPS',
          data: {
            kind: 'nps',
            text: t.nps,
            variable: 'nps_score',
            comment: { prompt: t.comment, variable: 'nps_comment', timeout: { amount: 1, unit: 'hours' } },
            maxAttempts: 2,
            timeout: { amount: 1, unit: 'days' },
          },
        },
        {
          id: 'detractor',
          type: 'handoff',
          label: 'Detractor to a person',
          data: { team: 'customer-success', priority: 'high', reason: t.detractorReason, message: t.detractorMessage },
        },
        { id: 'passive', type: 'message', label: 'Thanks (passive)', data: { text: t.passive } },
        { id: 'tag_promoter', type: 'tag', label: 'Tag promoter', data: { add: ['promoter'], remove: ['detractor'] } },
        { id: 'review', type: 'message', label: 'Ask for a review', data: { text: t.review } },
        {
          id: 'first_category',
          type: 'set_variable',
          label: 'First purchase category',
          data: {
            assignments: [
              { variable: 'first_category', value: 'normalize(coalesce(contact.attributes.first_purchase_category, order.items[0].category, ""))' },
            ],
          },
        },
        {
          id: 'offer_by_category',
          type: 'condition',
          label: 'Offer by category',
          data: {
            branches: [
              { id: 'shoes', label: 'Shoes', when: 'first_category in ["calcados", "tenis", "shoes", "sneakers"]' },
              { id: 'clothes', label: 'Clothes', when: 'first_category in ["roupas", "vestuario", "clothing", "apparel"]' },
            ],
          },
        },
        { id: 'offer_shoes', type: 'message', label: 'Offer: shoes', data: { text: t.offerShoes } },
        { id: 'offer_clothes', type: 'message', label: 'Offer: clothes', data: { text: t.offerClothes } },
        { id: 'offer_default', type: 'message', label: 'Offer: any', data: { text: t.offerDefault } },
        { id: 'later', type: 'message', label: 'Not now', data: { text: t.later } },
        { id: 'done', type: 'end', label: 'End', data: {} },
      ],
      edges: edges([
        ['order_created', 'next', 'confirm'],
        ['confirm', 'next', 'wait_shipped'],
        ['wait_shipped', 'received', 'shipped'],
        ['wait_shipped', 'timeout', 'not_shipped'],
        ['shipped', 'next', 'wait_delivered'],
        ['wait_delivered', 'received', 'wait_3d'],
        ['wait_delivered', 'timeout', 'done'],
        ['wait_3d', 'next', 'nps_invite'],
        ['nps_invite', 'next', 'wait_tap'],
        ['nps_invite', 'nps_yes', 'nps'],
        ['nps_invite', 'nps_no', 'later'],
        ['wait_tap', 'next', 'done'],
        ['wait_tap', 'reply', 'nps'],
        ['nps', 'detractor', 'detractor'],
        ['nps', 'passive', 'passive'],
        ['nps', 'promoter', 'tag_promoter'],
        ['nps', 'timeout', 'done'],
        ['tag_promoter', 'next', 'review'],
        ['review', 'next', 'first_category'],
        ['first_category', 'next', 'offer_by_category'],
        ['offer_by_category', 'shoes', 'offer_shoes'],
        ['offer_by_category', 'clothes', 'offer_clothes'],
        ['offer_by_category', 'else', 'offer_default'],
        ['offer_shoes', 'next', 'done'],
        ['offer_clothes', 'next', 'done'],
        ['offer_default', 'next', 'done'],
        ['passive', 'next', 'done'],
        ['later', 'next', 'done'],
      ]),
      ui: {
        positions: gridPositions([
          ['order_created'],
          ['confirm'],
          ['wait_shipped'],
          ['shipped', 'not_shipped'],
          ['wait_delivered'],
          ['wait_3d'],
          ['nps_invite'],
          ['wait_tap', 'later'],
          ['nps'],
          ['detractor', 'passive', 'tag_promoter'],
          ['review'],
          ['first_category'],
          ['offer_by_category'],
          ['offer_shoes', 'offer_clothes', 'offer_default'],
          ['done'],
        ]),
        viewport: { x: 0, y: 0, zoom: 0.8 },
      },
    };
  },
};
