/**
 * Every table the bot uses, in one place. The prefix lets several deployments (or test runs)
 * share one storage account without seeing each other's data.
 */
export const TABLES = {
  conversations: 'Conversations',
  clusters: 'Clusters',
  clusterLinks: 'ClusterLinks',
  deliveries: 'Deliveries',
  boards: 'Boards',
} as const;

export type TableName = keyof typeof TABLES;

export function tableName(prefix: string, table: TableName): string {
  return `${prefix}${TABLES[table]}`;
}
