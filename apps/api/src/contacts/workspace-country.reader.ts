import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The workspace's country (ISO 3166 alpha-2): phones typed without a country code are read in it. */
@Injectable()
export class WorkspaceCountryReader {
  constructor(private readonly dataSource: DataSource) {}

  async find(workspaceId: string): Promise<string | null> {
    const rows = await this.dataSource.query<{ country: string | null }[]>(`SELECT country FROM workspaces WHERE id = $1`, [workspaceId]);
    return rows[0]?.country?.trim() ?? null;
  }
}
