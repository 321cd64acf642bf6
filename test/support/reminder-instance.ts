/**
 * One Clusterbot instance's reminder round, as its own process, so a test can SIGKILL it in the
 * middle of sending. Its messenger reports every send to a recorder over HTTP before "sending"
 * takes its time, so the recorder sees exactly what a dying instance got out.
 * Env: TABLES, PREFIX, INSTANCE, RECORDER, LEASE_MS, SEND_MS, CLOCK_OFFSET_MS.
 */
import { composeReminderJob } from './reminder-job-fixture';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

async function main() {
  const job = composeReminderJob({
    connectionString: env('TABLES'),
    tablePrefix: env('PREFIX'),
    instance: env('INSTANCE'),
    recorder: env('RECORDER'),
    leaseMs: Number(env('LEASE_MS')),
    sendMs: Number(env('SEND_MS')),
    clockOffsetMs: Number(env('CLOCK_OFFSET_MS')),
  });
  await job.tick();
  console.log('round finished');
}

void main();
