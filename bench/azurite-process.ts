/** Azurite's Table service in a process of its own, so the bots' CPU is theirs alone. */
import { startLocalAzurite } from '../src/storage/local-azurite';

startLocalAzurite({ port: 0 }).then((azurite) => {
  process.stdout.write(`${JSON.stringify({ connectionString: azurite.connectionString })}\n`);
  process.once('SIGTERM', () => void azurite.stop().then(() => process.exit(0)));
});
