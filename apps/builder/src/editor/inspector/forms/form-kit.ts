import type { NodeOf, NodeType } from '@jornada/flow-engine';

/** Props of a node type's form: its data, and how to hand back a new version of it. */
export interface NodeFormProps<T extends NodeType> {
  readonly data: NodeOf<T>['data'];
  readonly onChange: (data: NodeOf<T>['data']) => void;
}

/** The object without its undefined keys, so an emptied optional field leaves the document. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Empty text means "not set" for optional texts. */
export function optionalText(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}
