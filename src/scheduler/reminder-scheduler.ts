import cron from 'node-cron';
import type { Logger } from '../logging/logger';

export interface ScheduledJob {
  tick(): Promise<unknown>;
}

/**
 * Runs the reminder round on a timer (Europe/London; a round never overlaps the last one), and
 * once straight away so a restart catches up. The round itself decides what is due from storage:
 * the timer only says "look now".
 */
export function startReminderScheduler(job: ScheduledJob, expression: string, logger: Logger) {
  const run = async (reason: string) => {
    try {
      const report = await job.tick();
      logger.debug({ reason, report }, 'reminder round finished');
    } catch (error) {
      logger.error({ err: error }, 'reminder round failed');
    }
  };
  const task = cron.schedule(expression, () => run('scheduled'), {
    name: 'reminders',
    timezone: 'Europe/London',
    noOverlap: true,
  });
  void run('start-up');
  return {
    async stop() {
      await task.destroy();
    },
  };
}
