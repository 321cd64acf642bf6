/**
 * npm run package: writes the Teams app package (manifest.json + two icons, zipped at the root)
 * to dist/appPackage/clusterbot-<version>.zip, ready to upload in Teams or the Developer Portal.
 *
 * Needs: TEAMS_APP_ID (the app's GUID), MicrosoftAppId (the bot registration's GUID) and
 * BOT_DOMAIN (the public host name the bot is served from), in the environment or in .env.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { z } from 'zod';
import { buildManifest } from '../src/app-package/build-manifest';
import { ALL_COMMANDS } from '../src/commands/all-commands';
import { catalogueOf } from '../src/commands/command-registry';

const root = join(__dirname, '..');
if (existsSync(join(root, '.env'))) {
  process.loadEnvFile(join(root, '.env'));
}

const guid = (name: string) =>
  z
    .string({
      required_error: `${name} is missing: set it to a GUID such as 00000000-0000-0000-0000-000000000000`,
    })
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, `${name} must be a GUID`);

const PackageSettings = z.object({
  TEAMS_APP_ID: guid('TEAMS_APP_ID'),
  MicrosoftAppId: guid('MicrosoftAppId'),
  BOT_DOMAIN: z
    .string({
      required_error:
        'BOT_DOMAIN is missing: set it to the host name the bot is served from, e.g. clusterbot.example.org',
    })
    .regex(
      /^(?!https?:)[a-z0-9.-]+\.[a-z]{2,}$/i,
      'BOT_DOMAIN must be a bare host name such as clusterbot.example.org (no https://)',
    ),
});

const parsed = PackageSettings.safeParse(process.env);
if (!parsed.success) {
  console.error(
    `Cannot build the Teams app package:\n${parsed.error.issues.map((i) => `  - ${i.message}`).join('\n')}`,
  );
  process.exit(1);
}

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const template = JSON.parse(readFileSync(join(root, 'appPackage', 'manifest.json'), 'utf8'));
const manifest = buildManifest(
  template,
  {
    teamsAppId: parsed.data.TEAMS_APP_ID,
    botId: parsed.data.MicrosoftAppId,
    botDomain: parsed.data.BOT_DOMAIN,
    version,
  },
  catalogueOf(ALL_COMMANDS),
);

const zip = new AdmZip();
zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
zip.addLocalFile(join(root, 'appPackage', 'color.png'));
zip.addLocalFile(join(root, 'appPackage', 'outline.png'));
const outDir = join(root, 'dist', 'appPackage');
mkdirSync(outDir, { recursive: true });
const outFile = join(outDir, `clusterbot-${version}.zip`);
zip.writeZip(outFile);
console.log(`Wrote ${outFile}`);
