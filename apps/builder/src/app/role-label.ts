import type { Role } from '../api/types.js';
import type { Translate } from '../i18n/index.js';

export function roleLabel(t: Translate, role: Role): string {
  return t(`common.role.${role}`);
}
