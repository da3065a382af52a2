/**
 * The README's deploy section is the only runbook a council has: it must keep naming every
 * command a deploy needs (so a step cannot silently go missing), and every `npm run` script
 * the README mentions must exist.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readme, readmeSection } from '../../e2e/support/readme';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const admin = readFileSync(path.join(ROOT, 'scripts/admin.mjs'), 'utf8');
const deploy = readmeSection('Deploying');

/** Each step of a deploy, and the words that name its command in the section. */
const STEPS: Array<[string, RegExp]> = [
  ['log in to Cloudflare', /npx wrangler login/],
  ['create the D1 database', /npx wrangler d1 create shortlist/],
  ['put its id into wrangler.jsonc', /database_id[^\n]*wrangler\.jsonc/],
  ['apply the migrations to the remote D1', /npx wrangler d1 migrations apply DB --remote/],
  ['deploy the worker', /npx wrangler deploy/],
  ['pin CORS to the published extension', /EXTENSION_ORIGINS[^]*chrome-extension:\/\/<[^>]+>/],
  ['other allowed origins', /ALLOWED_ORIGINS/],
  ['say whether there are secrets to set', /wrangler secret put/],
  ['create the organisation', /npm run admin -- create-org [^\n]*--remote/],
  ['create the first admin', /npm run admin -- create-user [^\n]*--role admin [^\n]*--remote/],
  ['give the admin a token', /npm run admin -- create-token [^\n]*--remote/],
  ['build the extension for that server', /WXT_SERVER_URL=https:\/\/\S+ npm run build/],
  ['pack it for the stores', /WXT_SERVER_URL=https:\/\/\S+ npx wxt zip/],
  ['the Chrome Web Store', /Chrome Web Store/],
  ['Edge Add-ons', /Edge\s+Add-ons/],
  ['a managed-browser policy from the store', /ExtensionInstallForcelist[^]*clients2\.google\.com\/service\/update2\/crx/],
  ['Edge from its store', /edge\.microsoft\.com\/extensionwebstorebase\/v1\/crx/],
  ['a self-hosted CRX and its update manifest', /--pack-extension=\.output\/chrome-mv3[^]*update manifest/],
];

describe("the README's deploy section", () => {
  it.each(STEPS)('names the command to %s', (_step, pattern) => {
    expect(deploy).toMatch(pattern);
  });

  it('uses only admin commands and roles scripts/admin.mjs knows', () => {
    const commands = [...deploy.matchAll(/npm run admin -- ([a-z-]+)/g)].map((m) => m[1]!);
    expect(commands.length).toBeGreaterThanOrEqual(3);
    const known = JSON.parse(/const COMMANDS = (\[[^\]]+\])/.exec(admin)![1]!.replace(/'/g, '"')) as string[];
    const roles = JSON.parse(/const ROLES = (\[[^\]]+\])/.exec(admin)![1]!.replace(/'/g, '"')) as string[];
    for (const c of commands) expect(known).toContain(c);
    for (const [, role] of deploy.matchAll(/--role (\w+)/g)) expect(roles).toContain(role);
  });
});

describe('every npm script the README mentions exists in package.json', () => {
  const text = readme();
  const mentioned = new Set([
    ...[...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!),
    // The table's shorthand: `npm run test:unit`, `test:worker`, `test:e2e`.
    ...[...text.matchAll(/^\| [^|]*\|/gm)].flatMap((row) => [...row[0].matchAll(/`([a-z]+:[\w-]+)`/g)].map((m) => m[1]!)),
  ]);
  it('finds the scripts it names', () => {
    expect([...mentioned]).toEqual(expect.arrayContaining(['build', 'admin', 'deploy', 'test:worker', 'test:e2e', 'build:firefox']));
  });
  it.each([...mentioned])('npm run %s', (script) => {
    expect(Object.keys(pkg.scripts)).toContain(script);
  });
  it('and npm start / npm test', () => {
    expect(text).toMatch(/npm start/);
    expect(pkg.scripts.start).toBeTruthy();
    expect(pkg.scripts.test).toBeTruthy();
  });
});
