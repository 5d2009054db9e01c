import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { templateLocaleFor, type TemplateLocale } from './flow-document.js';

/** The language a workspace writes its flows in: templates and version summaries follow it. */
@Injectable()
export class WorkspaceLocaleReader {
  constructor(private readonly dataSource: DataSource) {}

  /** `requested` when given, else the workspace's locale ('pt-BR' for Portuguese, else 'en'). */
  async resolve(workspaceId: string, requested?: TemplateLocale): Promise<TemplateLocale> {
    if (requested !== undefined) return requested;
    const rows = await this.dataSource.query<{ locale: string }[]>(`SELECT locale FROM workspaces WHERE id = $1`, [workspaceId]);
    return templateLocaleFor(rows[0]?.locale);
  }
}
