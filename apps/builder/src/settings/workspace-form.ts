import type { UpdateWorkspaceRequest, Workspace, WorkspaceLocale } from '../api/types.js';
import { fromDraft, intervalProblems, toDraft, type HoursDraft } from './business-hours.js';

/** The workspace settings as the form edits them. */
export interface WorkspaceForm {
  readonly name: string;
  readonly timezone: string;
  readonly locale: string;
  readonly currency: string;
  /** '' for none. */
  readonly country: string;
  readonly hours: HoursDraft;
}

export function toForm(workspace: Workspace): WorkspaceForm {
  return {
    name: workspace.name,
    timezone: workspace.timezone,
    locale: workspace.locale,
    currency: workspace.currency,
    country: workspace.country ?? '',
    hours: toDraft(workspace.businessHours),
  };
}

/** Only what changed, as PATCH /api/workspace takes it (`null` clears country or hours). */
export function changesOf(saved: WorkspaceForm, form: WorkspaceForm): UpdateWorkspaceRequest {
  const changes: { -readonly [K in keyof UpdateWorkspaceRequest]: UpdateWorkspaceRequest[K] } = {};
  if (form.name.trim() !== saved.name) changes.name = form.name.trim();
  if (form.timezone !== saved.timezone) changes.timezone = form.timezone;
  if (form.locale !== saved.locale) changes.locale = form.locale as WorkspaceLocale;
  if (form.currency !== saved.currency) changes.currency = form.currency;
  if (form.country !== saved.country) changes.country = form.country === '' ? null : form.country;
  const hours = fromDraft(form.hours);
  if (JSON.stringify(hours) !== JSON.stringify(fromDraft(saved.hours))) changes.businessHours = hours;
  return changes;
}

export function isEmptyChange(changes: UpdateWorkspaceRequest): boolean {
  return Object.keys(changes).length === 0;
}

/** Whether the form can be saved: a name, and hours without malformed intervals. */
export function formProblems(form: WorkspaceForm): { name: boolean; hours: boolean } {
  return { name: form.name.trim() === '', hours: Object.keys(intervalProblems(form.hours)).length > 0 };
}
