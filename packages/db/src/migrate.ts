import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as createMasterData from '../migrations/2026-11-21T1200_create_master_data.ts';
import * as createMilestoneAndFunding from '../migrations/2026-11-21T1210_create_milestone_and_funding.ts';
import * as createAccounts from '../migrations/2026-11-21T1300_create_accounts.ts';
import * as historyAndFunding from '../migrations/2026-11-21T1400_history_and_funding.ts';
import * as kommuneFakten from '../migrations/2026-11-21T1500_kommune_fakten.ts';
import * as liveCollaboration from '../migrations/2026-11-21T1600_live_collaboration.ts';
import * as praesentation from '../migrations/2026-11-21T1700_praesentation.ts';
import * as germanNames from '../migrations/2026-12-02T0800_german_names.ts';
import * as idempotencyKey from '../migrations/2026-12-02T0900_idempotency_key.ts';
import * as rateLimit from '../migrations/2026-12-02T1700_rate_limit.ts';
import * as bericht from '../migrations/2026-12-04T0000_bericht.ts';
import * as ansprechpartnerWiedervorlagen from '../migrations/2026-12-04T1200_ansprechpartner_wiedervorlagen.ts';
import * as stocktSchwellen from '../migrations/2026-12-04T1300_stockt_schwellen.ts';
import type { Database } from './schema.ts';

// Listed statically (not read from disk) so the bundled server carries its migrations with it.
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-21T1200_create_master_data': createMasterData,
  '2026-11-21T1210_create_milestone_and_funding': createMilestoneAndFunding,
  '2026-11-21T1300_create_accounts': createAccounts,
  '2026-11-21T1400_history_and_funding': historyAndFunding,
  '2026-11-21T1500_kommune_fakten': kommuneFakten,
  '2026-11-21T1600_live_collaboration': liveCollaboration,
  '2026-11-21T1700_praesentation': praesentation,
  '2026-12-02T0800_german_names': germanNames,
  '2026-12-02T0900_idempotency_key': idempotencyKey,
  '2026-12-02T1700_rate_limit': rateLimit,
  '2026-12-04T0000_bericht': bericht,
  '2026-12-04T1200_ansprechpartner_wiedervorlagen': ansprechpartnerWiedervorlagen,
  '2026-12-04T1300_stockt_schwellen': stocktSchwellen,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema to the state after migration `name` (or back down to it): for upgrade tests. */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/** Brings the schema up to date; does nothing when it already is. Throws on the first failure. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
