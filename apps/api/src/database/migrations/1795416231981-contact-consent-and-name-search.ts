import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contacts: when the contact opted in (next to when they opted out), and name search that
 * ignores accents: `jornada_fold(text)` lower-cases and strips the accents of Latin letters
 * (the table of foldForSearch in contacts/contact-fields.ts), with a trigram index on the
 * folded name, so "joao" finds "João" through an index. A SQL function rather than unaccent(),
 * an extension the database owner may not be allowed to create.
 */
export class ContactConsentAndNameSearch1795416231981 implements MigrationInterface {
  name = 'ContactConsentAndNameSearch1795416231981';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contacts" ADD "opted_in_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      // Not inlinable (the SET clause) and costed as the call it is, so the planner compares a
      // sequential scan that folds every name with the index, instead of assuming folding is free.
      `CREATE FUNCTION jornada_fold(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 200 SET search_path = pg_catalog ` +
        `AS $$ SELECT translate(lower($1), 'áàâãäåéèêëíìîïóòôõöúùûüçñýÿÁÀÂÃÄÅÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑÝ', 'aaaaaaeeeeiiiiooooouuuucnyyaaaaaaeeeeiiiiooooouuuucny') $$`,
    );
    // Written by hand (an expression index): named in the entity with `synchronize: false`.
    await queryRunner.query(`CREATE INDEX "idx_contacts_name_folded_trgm" ON "contacts" USING gin (jornada_fold("name") gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_contacts_name_folded_trgm"`);
    await queryRunner.query(`DROP FUNCTION jornada_fold(text)`);
    await queryRunner.query(`ALTER TABLE "contacts" DROP COLUMN "opted_in_at"`);
  }
}
