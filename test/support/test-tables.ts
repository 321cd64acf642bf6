import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { TableStorage } from '../../src/storage/table-storage';

/** Real Table storage (the run's Azurite) under a prefix no other test uses. */
export async function freshTableStorage(): Promise<TableStorage> {
  const tables = new TableStorage({
    connectionString: inject('tablesConnectionString'),
    tablePrefix: `T${randomBytes(6).toString('hex')}`,
  });
  await tables.ensureTables();
  return tables;
}
