import type { AddressInfo } from 'node:net';
import { composeClusterbot } from './compose-clusterbot';
import type { Config } from './config/load-config';
import type { Clock } from './domain/clock';
import { createHttpServer } from './http/create-http-server';
import type { Logger } from './logging/logger';
import { startReminderScheduler } from './scheduler/reminder-scheduler';
import { boardCsvDownload, minutesDownload, rotaCalendarDownload } from './services/signed-downloads';
import { type LocalAzurite, startLocalAzurite } from './storage/local-azurite';
import { TableStorage } from './storage/table-storage';
import { systemClock } from './system-clock';
import { createClusterbot } from './teams/clusterbot';
import { createTeamsAdapter } from './teams/create-teams-adapter';
import { createMessageEndpoint } from './teams/message-endpoint';
import { teamsMessengerFactory } from './teams/proactive-messenger';

export interface RunningClusterbot {
  url: string;
  stop(): Promise<void>;
}

/** The composition root: builds every part from the configuration and starts listening. */
export async function startClusterbot(
  config: Config,
  logger: Logger,
  clock: Clock = systemClock,
): Promise<RunningClusterbot> {
  let azurite: LocalAzurite | undefined;
  let connectionString: string;
  if (config.storage.kind === 'local-azurite') {
    azurite = await startLocalAzurite({ port: config.storage.port, location: config.storage.location });
    connectionString = azurite.connectionString;
    logger.info(
      { port: config.storage.port, location: config.storage.location },
      'local Table storage (Azurite) started on loopback',
    );
  } else {
    connectionString = config.storage.connectionString;
  }

  try {
    const tables = new TableStorage({ connectionString, tablePrefix: config.tablePrefix });
    await tables.ensureTables().catch((error: unknown) => {
      throw new Error(
        'Cannot reach Table storage. Check TABLES_CONNECTION_STRING (or unset it to use local Azurite). ' +
          `Cause: ${error instanceof Error ? error.message : String(error)}`,
      );
    });

    let listeningUrl = `http://localhost:${config.port}`;
    const adapter = createTeamsAdapter(config.auth);
    const {
      rota,
      reminders,
      workspace: _workspace,
      ...dependencies
    } = composeClusterbot({
      tables,
      clock,
      logger,
      publicBaseUrl: () => config.publicBaseUrl ?? listeningUrl,
      linkSigningSecret: config.linkSigningSecret,
      createMessenger: teamsMessengerFactory(
        adapter,
        config.auth.mode === 'bot-framework' ? config.auth.botFramework.MicrosoftAppId : '',
      ),
    });
    const bot = createClusterbot(dependencies, adapter);

    const app = createHttpServer({
      handleMessages: createMessageEndpoint(adapter, bot),
      checkStorage: () =>
        tables.ping(2_000).then(
          () => true,
          () => false,
        ),
      authMode: config.auth.mode,
      logger,
      downloadRotaCalendar: rotaCalendarDownload(rota, config.linkSigningSecret, clock),
      downloadMinutes: minutesDownload(dependencies.minutes, config.linkSigningSecret, clock),
      downloadBoardCsv: boardCsvDownload(dependencies.boards, config.linkSigningSecret, clock),
    });
    const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
      // Express 5 hands listen errors (such as a taken port) to this callback.
      const listening = app.listen(config.port, config.host, (error?: NodeJS.ErrnoException) => {
        if (!error) {
          resolve(listening);
        } else if (error.code === 'EADDRINUSE') {
          reject(
            new Error(
              `Port ${config.port} is already in use (is Clusterbot already running?). Stop it, or set PORT to a free port.`,
            ),
          );
        } else {
          reject(error);
        }
      });
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    listeningUrl = url;
    logger.info({ url, auth: config.auth.mode }, 'Clusterbot is listening on /api/messages');
    const scheduler =
      config.schedulerCron === 'off'
        ? undefined
        : startReminderScheduler(reminders, config.schedulerCron, logger);

    return {
      url,
      async stop() {
        await scheduler?.stop();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await azurite?.stop();
      },
    };
  } catch (error) {
    await azurite?.stop();
    throw error;
  }
}
