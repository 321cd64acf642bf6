import cron from 'node-cron';
import type { Logger } from '../logging/logger';

export interface ScheduledJob {
  tick(): Promise<unknown>;
  /** Cheap: carries on rounds whose instance died (see ReminderJob.resumeLapsed). */
  resumeLapsed?(): Promise<unknown>;
}

/**
 * Runs the reminder round on a timer (Europe/London; a round never overlaps the last one), and
 * once straight away so a restart catches up. The round itself decides what is due from storage:
 * the timer only says "look now".
 */
export function startReminderScheduler(
  job: ScheduledJob,
  expression: string,
  logger: Logger,
  name = 'reminders',
  /** How long after start-up the catch-up run waits (retention can wait; reminders cannot). */
  startUpDelayMs = 0,
) {
  const run = async (reason: string) => {
    try {
      const report = await job.tick();
      logger.debug({ reason, report, job: name }, 'scheduled round finished');
    } catch (error) {
      logger.error({ err: error, job: name }, 'scheduled round failed');
    }
  };
  const task = cron.schedule(expression, () => run('scheduled'), {
    name,
    timezone: 'Europe/London',
    noOverlap: true,
  });
  // Every minute, so a round an instance died in goes on within two minutes (lease + a minute).
  const resume = job.resumeLapsed
    ? cron.schedule(
        '* * * * *',
        async () => {
          try {
            await job.resumeLapsed?.();
          } catch (error) {
            logger.error({ err: error }, 'resuming lapsed reminder rounds failed');
          }
        },
        { name: `${name}-resume`, timezone: 'Europe/London', noOverlap: true },
      )
    : undefined;
  const startUp = setTimeout(() => void run('start-up'), startUpDelayMs);
  startUp.unref();
  return {
    async stop() {
      clearTimeout(startUp);
      await task.destroy();
      await resume?.destroy();
    },
  };
}
