import type { BusinessHoursSettings } from '@jornada/flow-engine';
import { Injectable } from '@nestjs/common';
import type { BusinessHours, Workspace } from '../../database/entities/index.js';
import type { BusinessHoursDto } from './business-hours.dto.js';
import { canonicalTimeZone } from './time-zone.js';
import { notFound } from '../shared/not-found.js';
import type { UpdateWorkspaceDto } from './workspace.dto.js';
import { WorkspaceRepository } from './workspace.repository.js';

const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** Changes the settings of the caller's current workspace (validated at the edge). */
@Injectable()
export class UpdateWorkspaceSettingsUseCase {
  constructor(private readonly workspaces: WorkspaceRepository) {}

  async execute(command: { workspaceId: string; changes: UpdateWorkspaceDto }): Promise<Workspace> {
    const { changes } = command;
    const updated = await this.workspaces.update(command.workspaceId, {
      name: changes.name?.trim(),
      timezone: changes.timezone === undefined ? undefined : (canonicalTimeZone(changes.timezone) ?? undefined),
      locale: changes.locale,
      currency: changes.currency,
      country: changes.country,
      businessHours: changes.businessHours === undefined ? undefined : (toBusinessHours(changes.businessHours) as BusinessHours | null),
    });
    if (updated === null) throw notFound('workspace', 'workspace_not_found');
    return updated;
  }
}

/** What is stored: the engine's business-hours settings, plus an optional zone of their own. */
export type StoredBusinessHours = BusinessHoursSettings & { timezone?: string };

/**
 * The validated DTO as the plain document the flow engine reads (`BusinessHoursSettings`; its
 * time helpers also honour `timezone`): days with intervals only, zone in canonical spelling.
 */
export function toBusinessHours(dto: BusinessHoursDto | null): StoredBusinessHours | null {
  if (dto === null) return null;
  const days: StoredBusinessHours['days'] = {};
  for (const key of DAY_KEYS) {
    const intervals = dto.days[key];
    if (intervals !== undefined) days[key] = intervals.map(({ start, end }) => ({ start, end }));
  }
  const timezone = dto.timezone === undefined ? undefined : canonicalTimeZone(dto.timezone);
  return {
    ...(timezone === undefined || timezone === null ? {} : { timezone }),
    days,
    ...(dto.holidays === undefined ? {} : { holidays: [...dto.holidays] }),
  };
}
