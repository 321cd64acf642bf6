import type { AccessPolicy } from '../commands/command-registry';

/**
 * Who may use what. Until clusters and their roles exist (issue #3) nobody holds a cluster role,
 * so only commands for "anyone" are open; role-gated commands answer with a clear refusal.
 */
export const accessBeforeClusterRoles: AccessPolicy = async (audience) => audience === 'anyone';
