import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { User } from '../../database/entities/index.js';

/** People who sign in. Emails are unique regardless of case (index uq_users_email_lower). */
@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<User | null> {
    return manager.findOne(User, { where: { id } });
  }

  findByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<User | null> {
    return manager.createQueryBuilder(User, 'user').where('lower(user.email) = lower(:email)', { email: email.trim() }).getOne();
  }

  /** Throws a unique violation on `uq_users_email_lower` when the email is taken (any case). */
  create(input: { email: string; name: string; passwordHash: string }, manager: EntityManager = this.dataSource.manager): Promise<User> {
    return manager.save(manager.create(User, { email: input.email.trim(), name: input.name.trim(), passwordHash: input.passwordHash }));
  }

  async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.dataSource.manager.update(User, { id }, { passwordHash });
  }

  async anyExists(manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await manager.createQueryBuilder(User, 'user').select('1').limit(1).getRawOne()) !== undefined;
  }

  /** The person who set the installation up: the oldest account. */
  findFirst(manager: EntityManager = this.dataSource.manager): Promise<User | null> {
    return manager.findOne(User, { where: {}, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}

/** The unique index that makes emails case-insensitively unique. */
export const USER_EMAIL_UNIQUE_INDEX = 'uq_users_email_lower';
