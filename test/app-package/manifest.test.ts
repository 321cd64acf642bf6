import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import AdmZip from 'adm-zip';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../src/app-package/build-manifest';
import { ALL_COMMANDS } from '../../src/commands/all-commands';
import { catalogueOf } from '../../src/commands/command-registry';

const ROOT = join(__dirname, '..', '..');
const APP_PACKAGE = join(ROOT, 'appPackage');
const template = JSON.parse(readFileSync(join(APP_PACKAGE, 'manifest.json'), 'utf8'));
const values = {
  teamsAppId: '3c1a9f2e-7b4d-4e8a-9c6f-1d2e3f4a5b6c',
  botId: '9d5f3a4e-2b1c-4e8f-9a7d-6c5b4a3f2e1d',
  botDomain: 'clusterbot.example.org',
  version: '0.1.0',
};
const catalogue = catalogueOf(ALL_COMMANDS);

/** Microsoft's published schema for the manifest version we declare, from @microsoft/app-manifest. */
function officialSchema(manifestVersion: string) {
  const path = require.resolve(
    `@microsoft/app-manifest/build/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`,
  );
  return JSON.parse(readFileSync(path, 'utf8'));
}

function validate(manifest: Record<string, unknown>) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const check = ajv.compile(officialSchema(String(manifest.manifestVersion)));
  return { valid: check(manifest), errors: check.errors ?? [] };
}

describe('the Teams app manifest', () => {
  it("passes Microsoft's published schema for its manifest version", () => {
    const manifest = buildManifest(template, values, catalogue);
    const { valid, errors } = validate(manifest);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would fail that schema if it were wrong (the validator is really checking)', () => {
    const manifest = buildManifest(template, values, catalogue);
    const broken = { ...manifest, id: 'not-a-guid', accentColor: 'teal' };
    expect(validate(broken).valid).toBe(false);
  });

  it('puts the bot in team, group chat and personal scopes with ids from configuration', () => {
    const manifest = buildManifest(template, values, catalogue);
    expect(manifest.id).toBe(values.teamsAppId);
    expect(manifest.bots).toEqual([
      expect.objectContaining({ botId: values.botId, scopes: ['team', 'groupChat', 'personal'] }),
    ]);
    expect(manifest.validDomains).toEqual(['clusterbot.example.org']);
  });

  it("lists the everyday commands from /help in Teams' command menu (at most ten)", () => {
    const manifest = buildManifest(template, values, catalogue) as { bots: Array<{ commandLists: unknown }> };
    const suggested = catalogue.filter((c) => c.suggested !== false);
    expect(suggested.length).toBeLessThanOrEqual(10);
    expect(suggested.map((c) => c.name)).not.toContain('setup');
    expect(manifest.bots[0]?.commandLists).toEqual([
      {
        scopes: ['team', 'groupChat', 'personal'],
        commands: suggested.map((c) => ({ title: c.name, description: c.description })),
      },
    ]);
  });
});

describe('the app icons', () => {
  const color = PNG.sync.read(readFileSync(join(APP_PACKAGE, 'color.png')));
  const outline = PNG.sync.read(readFileSync(join(APP_PACKAGE, 'outline.png')));

  it('has a 192×192 colour icon and a 32×32 outline icon', () => {
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
  });

  it('draws the outline icon in white only, on a transparent background', () => {
    let transparent = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i], outline.data[i + 1], outline.data[i + 2], outline.data[i + 3]];
      if (a === 0) transparent++;
      else expect([r, g, b]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan((32 * 32) / 2);
  });
});

describe('npm run package', () => {
  it('writes a zip with the manifest and both icons at its root', async () => {
    const out = mkdtempSync(join(tmpdir(), 'clusterbot-package-'));
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'package-app.ts')],
        {
          cwd: out,
          env: {
            PATH: process.env.PATH,
            TEAMS_APP_ID: values.teamsAppId,
            MicrosoftAppId: values.botId,
            BOT_DOMAIN: values.botDomain,
          },
        },
      );
      const zipPath = /Wrote (.+\.zip)/.exec(stdout)?.[1];
      if (!zipPath) throw new Error(`package script said: ${stdout}`);
      const zip = new AdmZip(zipPath);
      expect(
        zip
          .getEntries()
          .map((e) => e.entryName)
          .sort(),
      ).toEqual(['color.png', 'manifest.json', 'outline.png']);
      const manifest = JSON.parse(zip.readAsText('manifest.json'));
      expect(validate(manifest).valid).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('buildManifest', () => {
  it('refuses a template placeholder it has no value for', () => {
    const unknownPlaceholder = ['$', '{{PACKAGE_NAME}}'].join('');
    const withUnknown = { ...template, packageName: unknownPlaceholder };
    expect(() => buildManifest(withUnknown, values, catalogue)).toThrow(
      `appPackage/manifest.json has a placeholder with no value: ${unknownPlaceholder}`,
    );
  });
});
