import type { Workspace } from '../../database/entities/index.js';
import type { BusinessHoursDto } from './business-hours.dto.js';
import type { WorkspaceDto } from './workspace.dto.js';

/** The API view of a workspace row. */
export function toWorkspaceDto(workspace: Workspace): WorkspaceDto {
  return {
    id: workspace.id,
    name: workspace.name,
    slug: workspace.slug,
    timezone: workspace.timezone,
    locale: workspace.locale,
    currency: workspace.currency,
    country: workspace.country,
    businessHours: workspace.businessHours as BusinessHoursDto | null,
    createdAt: workspace.createdAt,
  };
}
