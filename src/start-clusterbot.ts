import type { AddressInfo } from 'node:net';
import { composeClusterbot } from './compose-clusterbot';
import type { Config } from './config/load-config';
import type { Clock } from './domain/clock';
import { createHttpServer } from './http/create-http-server';
import { eesApiSource } from './http/ees-api-client';
import { fileUploads } from './http/file-uploads';
import { privacyExportDownload } from './http/privacy-downloads';
import { boardCsvDownload, minutesDownload, rotaCalendarDownload } from './http/signed-downloads';
import type { Logger } from './logging/logger';
import { startReminderScheduler } from './scheduler/reminder-scheduler';
import { openTableStorage } from './storage/open-table-storage';
import { SendLeaseRepository } from './storage/send-lease-repository';
import { systemClock } from './system-clock';
import { createClusterbot } from './teams/clusterbot';
import { createTeamsAdapter } from './teams/create-teams-adapter';
import { createMessageEndpoint } from './teams/message-endpoint';
import { teamsMessengerFactory } from './teams/proactive-messenger';

const STORAGE_HINT: Record<Config['storage']['kind'], string> = {
  'managed-identity':
    'Check TABLES_ENDPOINT, that the managed identity (AZURE_CLIENT_ID) exists and holds the Storage Table Data Contributor role on the account (role assignments can take a few minutes to apply).',
  'connection-string': 'Check TABLES_CONNECTION_STRING (or unset it to use local Azurite).',
  'local-azurite': 'Local Azurite did not answer; delete the .azurite folder if its data is damaged.',
};

/** 02:17 UK time: after the evening's reminders, before anyone is at work. */
const RETENTION_CRON = '17 2 * * *';
/**
 * Its catch-up after a restart waits a minute: it reads every cluster whole, and a restarted
 * instance's first job is to take back the reminder round it was in the middle of.
 */
const RETENTION_START_UP_DELAY_MS = 60_000;

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
  const { tables, azurite, description } = await openTableStorage(config.storage, config.tablePrefix);
  if (azurite) logger.info({ storage: description }, 'local Table storage (Azurite) started on loopback');

  try {
    await tables.ensureTables().catch((error: unknown) => {
      throw new Error(
        `Cannot reach Table storage (${description}). ${STORAGE_HINT[config.storage.kind]} ` +
          `Cause: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    logger.info({ storage: config.storage.kind }, 'Table storage reachable; tables ready');

    let listeningUrl = `http://localhost:${config.port}`;
    const adapter = createTeamsAdapter(config.auth, logger);
    const {
      rota,
      reminders,
      retention,
      receiveUpload,
      uploadClusterName,
      workspace: _workspace,
      ...dependencies
    } = composeClusterbot({
      tables,
      clock,
      logger,
      publicBaseUrl: () => config.publicBaseUrl ?? listeningUrl,
      linkSigningSecret: config.linkSigningSecret,
      instanceId: config.instanceId,
      retention: config.retention,
      ...(config.ees ? { publishedData: eesApiSource(config.ees.apiUrl, config.ees.dataSets) } : {}),
      createMessenger: teamsMessengerFactory(
        adapter,
        config.auth.mode === 'bot-framework' ? config.auth.botFramework.MicrosoftAppId : '',
        { leases: new SendLeaseRepository(tables.table('deliveries')), instance: config.instanceId },
      ),
    });
    const bot = createClusterbot(dependencies, { adapter, allowedTenants: config.allowedTenants });

    const app = createHttpServer({
      handleMessages: createMessageEndpoint(adapter, bot, {
        authenticate: config.auth.mode === 'bot-framework',
        logger,
      }),
      checkStorage: () =>
        tables.ping(2_000).then(
          () => true,
          () => false,
        ),
      authMode: config.auth.mode,
      logger,
      downloadRotaCalendar: rotaCalendarDownload(rota, config.linkSigningSecret, clock),
      downloadMinutes: minutesDownload(dependencies.minutes, config.linkSigningSecret, clock),
      downloadBoardCsv: boardCsvDownload(dependencies.boardOverviews, config.linkSigningSecret, clock),
      downloadExport: privacyExportDownload(dependencies.privacyExports, config.linkSigningSecret, clock),
      uploads: fileUploads(config.linkSigningSecret, clock, receiveUpload, uploadClusterName),
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
    // Retention once a night (and a minute after start-up, so a stopped instance catches up), claimed once per day.
    const retentionRuns =
      config.schedulerCron === 'off'
        ? undefined
        : startReminderScheduler(retention, RETENTION_CRON, logger, 'retention', RETENTION_START_UP_DELAY_MS);

    return {
      url,
      async stop() {
        await scheduler?.stop();
        await retentionRuns?.stop();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await azurite?.stop();
      },
    };
  } catch (error) {
    await azurite?.stop();
    throw error;
  }
}
