import type { CommandInfo } from '../commands/command-definition';

export interface ManifestValues {
  teamsAppId: string;
  botId: string;
  botDomain: string;
  version: string;
}

/** Teams shows at most 10 commands per scope, each title ≤ 32 and description ≤ 128 characters. */
const MAX_COMMANDS = 10;
const SCOPES = ['team', 'groupChat', 'personal'] as const;
/** Placeholders in the template look like $ {{NAME}} (without the space), as in Teams Toolkit. */
const PLACEHOLDER = /\$\{\{(\w+)\}\}/g;

/**
 * Fills the manifest template in appPackage/ with this deployment's ids and the command lists
 * taken from the command registry, so the compose-box suggestions always match /help.
 */
export function buildManifest(
  template: Record<string, unknown>,
  values: ManifestValues,
  commands: readonly CommandInfo[],
): Record<string, unknown> {
  const placeholders: Record<string, string> = {
    TEAMS_APP_ID: values.teamsAppId,
    BOT_ID: values.botId,
    BOT_DOMAIN: values.botDomain,
    APP_VERSION: values.version,
  };
  const filled = JSON.parse(
    JSON.stringify(template).replace(PLACEHOLDER, (whole, name: string) => {
      const value = placeholders[name];
      if (value === undefined) {
        throw new Error(`appPackage/manifest.json has a placeholder with no value: ${whole}`);
      }
      return value;
    }),
  ) as Record<string, unknown> & { bots: Array<Record<string, unknown>> };

  const suggested = commands.filter((command) => command.suggested !== false);
  if (suggested.length > MAX_COMMANDS) {
    throw new Error(
      `Teams lists at most ${MAX_COMMANDS} commands; ${suggested.length} are suggested. Mark the rarely used ones suggested: false.`,
    );
  }
  const commandList = suggested.map((command) => ({
    title: command.name,
    description: command.description,
  }));
  for (const bot of filled.bots) {
    bot.commandLists = [{ scopes: [...SCOPES], commands: commandList }];
  }
  return filled;
}
