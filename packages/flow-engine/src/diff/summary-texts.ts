/** Languages `summarizeDiff` writes in. */
export type DiffLocale = 'en' | 'pt-BR';

/** A Portuguese noun and its gender, so participles agree ("Mensagem ... alterada"). */
export type Noun = readonly [text: string, gender: 'f' | 'm'];

/** Names of node and trigger types (and of connections and variables) as a marketer reads them. */
export const ITEM_NAMES: Record<DiffLocale, Record<string, string | Noun>> = {
  en: {
    message: 'message',
    question: 'question',
    condition: 'condition',
    set_variable: 'set variable',
    wait: 'wait',
    wait_for_event: 'wait for event',
    http_request: 'HTTP request',
    handoff: 'handoff',
    survey: 'survey',
    tag: 'tag',
    whatsapp_template: 'WhatsApp template',
    jump_to_flow: 'jump to flow',
    ab_split: 'A/B split',
    conversion: 'conversion',
    end: 'end',
    inbound_message: 'message trigger',
    commerce_event: 'store event trigger',
    manual: 'manual trigger',
    connection: 'connection',
    variable: 'variable',
  },
  'pt-BR': {
    message: ['Mensagem', 'f'],
    question: ['Pergunta', 'f'],
    condition: ['Condição', 'f'],
    set_variable: ['Atribuição de variável', 'f'],
    wait: ['Espera', 'f'],
    wait_for_event: ['Espera por evento', 'f'],
    http_request: ['Requisição HTTP', 'f'],
    handoff: ['Transferência para atendente', 'f'],
    survey: ['Pesquisa', 'f'],
    tag: ['Etiqueta', 'f'],
    whatsapp_template: ['Modelo do WhatsApp', 'm'],
    jump_to_flow: ['Ida para outro fluxo', 'f'],
    ab_split: ['Teste A/B', 'm'],
    conversion: ['Conversão', 'f'],
    end: ['Fim', 'm'],
    inbound_message: ['Gatilho de mensagem', 'm'],
    commerce_event: ['Gatilho de evento da loja', 'm'],
    manual: ['Gatilho manual', 'm'],
    connection: ['Conexão', 'f'],
    variable: ['Variável', 'f'],
  },
};

/** Portuguese names of the fields people edit most; English ones come from the key itself. */
export const FIELD_NAMES_PT: Readonly<Record<string, string>> = {
  text: 'texto',
  buttons: 'botões',
  list: 'lista',
  media: 'mídia',
  footer: 'rodapé',
  timeout: 'tempo limite',
  label: 'rótulo',
  type: 'tipo',
  kind: 'tipo',
  options: 'opções',
  branches: 'condições',
  variable: 'variável',
  invalidText: 'texto de resposta inválida',
  maxAttempts: 'tentativas',
  reason: 'motivo',
  team: 'equipe',
  priority: 'prioridade',
  message: 'mensagem',
  mode: 'modo',
  duration: 'duração',
  events: 'eventos',
  event: 'evento',
  within: 'prazo',
  match: 'critério',
  filter: 'filtro',
  url: 'endereço',
  header: 'cabeçalho',
  body: 'parâmetros',
  urlButtons: 'botões de link',
  quickReplies: 'respostas rápidas',
  language: 'idioma',
  assignments: 'atribuições',
  variants: 'variantes',
  comment: 'comentário',
  value: 'valor',
  name: 'nome',
  description: 'descrição',
  channels: 'canais',
  stepBudget: 'limite de passos',
};

/** `: text, buttons`, or nothing when no field is named. */
const suffix = (fields: string): string => (fields === '' ? '' : `: ${fields}`);

/** The sentences, one per kind of line. `what` is an item name, `fields` a comma-separated list. */
export const LINES: Record<DiffLocale, {
  added: (what: string, gender: 'f' | 'm') => string;
  removed: (what: string, gender: 'f' | 'm') => string;
  changed: (what: string, gender: 'f' | 'm', fields: string) => string;
  meta: (fields: string) => string;
  settings: (fields: string) => string;
  layoutOnly: string;
}> = {
  en: {
    added: (what) => `Added ${what}`,
    removed: (what) => `Removed ${what}`,
    changed: (what, _gender, fields) => `Changed ${what}${suffix(fields)}`,
    meta: (fields) => `Changed flow details: ${fields}`,
    settings: (fields) => `Changed settings: ${fields}`,
    layoutOnly: 'Only the layout changed',
  },
  'pt-BR': {
    added: (what, gender) => `${what} ${gender === 'f' ? 'adicionada' : 'adicionado'}`,
    removed: (what, gender) => `${what} ${gender === 'f' ? 'removida' : 'removido'}`,
    changed: (what, gender, fields) => `${what} ${gender === 'f' ? 'alterada' : 'alterado'}${suffix(fields)}`,
    meta: (fields) => `Dados do fluxo alterados: ${fields}`,
    settings: (fields) => `Configurações alteradas: ${fields}`,
    layoutOnly: 'Só a disposição do fluxo mudou',
  },
};
