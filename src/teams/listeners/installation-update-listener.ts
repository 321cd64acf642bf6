import type { Application } from '@microsoft/teams-ai';
import type { BotDependencies } from '../bot-dependencies';
import { installationDetailsFrom, tenantIdOf } from '../turn-input';
import { turnLogger } from '../turn-logger';

/**
 * Teams also reports installs and uninstalls as `installationUpdate`. We record them so the stored
 * state is right even if the matching conversationUpdate is missed; the welcome card is posted
 * only from conversationUpdate, so nobody is greeted twice.
 */
export function registerInstallationUpdateListener(app: Application, deps: BotDependencies): void {
  app.activity('installationUpdate', async (context) => {
    const { activity } = context;
    const log = turnLogger(context, deps.logger);
    if (activity.action === 'add' || activity.action === 'add-upgrade') {
      await deps.installations.installed(installationDetailsFrom(activity));
      log.info({ action: activity.action }, 'installation recorded');
    } else if (activity.action === 'remove' || activity.action === 'remove-upgrade') {
      const key = { tenantId: tenantIdOf(activity), conversationId: activity.conversation.id };
      await deps.installations.removed(key, 'app-uninstalled');
      log.info({ action: activity.action }, 'uninstallation recorded');
    }
  });
}
