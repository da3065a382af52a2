#!/usr/bin/env node
// Shortlist admin command: organisations, users and tokens in the D1 database, through wrangler.
//
//   npm run admin -- create-org --name "Herefordshire Council"
//   npm run admin -- create-user --org <orgId> --name "Jo Bloggs" --email jo@council.gov.uk --role coordinator
//   npm run admin -- create-token --user <userId> [--days 90]        (prints the token once)
//   npm run admin -- revoke-token --token-prefix sl_AbCdEfGh | --user <userId>
//   npm run admin -- list-users --org <orgId>
//   npm run admin -- invite --user <userId> [--server https://shortlist.council.gov.uk]
//                                             (a one-time code and link, valid 7 days, for the person to sign in with)
//
// Works on the local D1 of `wrangler dev` by default (--local), or on the deployed one with
// --remote. --persist-to DIR selects another local state directory. Tokens are hashed exactly
// as worker/src/auth/tokens.ts does: SHA-256 (hex) of the whole token string; only the hash
// and an 11-character display prefix are stored.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROLES = ['admin', 'central', 'coordinator', 'manager'];
const COMMANDS = ['create-org', 'create-user', 'create-token', 'revoke-token', 'list-users', 'invite'];

// Invitations exactly as worker/src/auth/invitations.ts makes them: 12 characters of Crockford's
// base32, SHA-256 (hex) of "invite:" + the code stored, shown as XXXX-XXXX-XXXX.
const INVITATION_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const generateInvitationCode = () => [...randomBytes(12)].map((b) => INVITATION_ALPHABET[b & 31]).join('');
export const hashInvitationCode = (code) => hashToken(`invite:${code}`);
export const formatInvitationCode = (code) => code.replace(/(.{4})(?=.)/g, '$1-');

export const hashToken = (token) => createHash('sha256').update(token, 'utf8').digest('hex');
export const generateToken = () => `sl_${randomBytes(32).toString('base64url')}`;
export const displayPrefix = (token) => token.slice(0, 11);
export const sql = (v) => (v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

function fail(message) {
  console.error(`admin: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const [command, ...rest] = argv;
  const opts = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('--')) fail(`unexpected argument "${a}"; options look like --name value`);
    const key = a.slice(2);
    if (key === 'remote' || key === 'local') opts[key] = true;
    else {
      const value = rest[i + 1];
      if (value === undefined || value.startsWith('--')) fail(`--${key} needs a value`);
      opts[key] = value;
      i++;
    }
  }
  return { command, opts };
}

/** Runs SQL through `npx wrangler d1 execute DB --json` and returns the rows of the last statement. */
function d1(opts, statement) {
  const args = ['wrangler', 'd1', 'execute', 'DB', opts.remote ? '--remote' : '--local', '--json', '--command', statement];
  if (opts['persist-to'] && !opts.remote) args.push('--persist-to', opts['persist-to']);
  if (opts.config) args.push('--config', opts.config);
  const r = spawnSync('npx', args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } });
  let parsed;
  try {
    parsed = JSON.parse(r.stdout);
  } catch {
    parsed = null;
  }
  if (r.status !== 0 || !Array.isArray(parsed)) {
    const text = parsed?.error?.text ?? parsed?.error?.message ?? (r.stderr || r.stdout || '').trim();
    if (/no such table/i.test(text)) fail(`the database has no tables yet: run "npm run db:migrate"${opts.remote ? ' (or the remote migrations)' : ''} first\n${text}`);
    fail(`wrangler d1 execute failed: ${text}`);
  }
  const last = parsed[parsed.length - 1];
  return last?.results ?? [];
}

const need = (opts, key, hint) => opts[key] ?? fail(`--${key} is required${hint ? ` (${hint})` : ''}`);
const now = () => new Date().toISOString();

const commands = {
  'create-org'(opts) {
    const name = need(opts, 'name').trim();
    if (!name || name.length > 200) fail('--name must be 1 to 200 characters');
    const id = randomUUID();
    d1(opts, `INSERT INTO organisations (id, name, created_at) VALUES (${sql(id)}, ${sql(name)}, ${sql(now())})`);
    console.log(`Created organisation "${name}"\norg id: ${id}`);
  },

  'create-user'(opts) {
    const org = need(opts, 'org', 'an organisation id from create-org');
    const name = need(opts, 'name').trim();
    const email = need(opts, 'email').trim().toLowerCase();
    const role = need(opts, 'role', ROLES.join('|'));
    if (!ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')}`);
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) fail('--email must be an email address');
    if (!name || name.length > 120) fail('--name must be 1 to 120 characters');
    if (!d1(opts, `SELECT id FROM organisations WHERE id = ${sql(org)}`).length) fail(`no organisation ${org}`);
    if (d1(opts, `SELECT id FROM users WHERE org_id = ${sql(org)} AND email = ${sql(email)}`).length) fail(`a user with email ${email} already exists in that organisation`);
    const id = randomUUID();
    d1(opts, `INSERT INTO users (id, org_id, name, email, role, active, created_at) VALUES (${sql(id)}, ${sql(org)}, ${sql(name)}, ${sql(email)}, ${sql(role)}, 1, ${sql(now())})`);
    console.log(`Created ${role} ${name} <${email}>\nuser id: ${id}`);
  },

  'create-token'(opts) {
    const userId = need(opts, 'user', 'a user id from create-user or list-users');
    const days = Number(opts.days ?? 90);
    if (!Number.isInteger(days) || days < 1 || days > 365) fail('--days must be a whole number from 1 to 365');
    const [user] = d1(opts, `SELECT id, org_id, name, active FROM users WHERE id = ${sql(userId)}`);
    if (!user) fail(`no user ${userId}`);
    if (!user.active) fail(`user ${user.name} is deactivated`);
    const token = generateToken();
    const id = randomUUID();
    const created = now();
    const expires = new Date(Date.now() + days * 86_400_000).toISOString();
    d1(
      opts,
      `INSERT INTO credentials (id, org_id, user_id, token_hash, prefix, created_at, expires_at) VALUES (${sql(id)}, ${sql(user.org_id)}, ${sql(user.id)}, ${sql(hashToken(token))}, ${sql(displayPrefix(token))}, ${sql(created)}, ${sql(expires)})`,
    );
    console.log(`Token for ${user.name} (expires ${expires.slice(0, 10)}). It is shown only this once; only its hash is stored:\n\n${token}\n`);
    console.log(`token id: ${id}   prefix: ${displayPrefix(token)}`);
  },

  'revoke-token'(opts) {
    const prefix = opts['token-prefix'];
    const user = opts.user;
    if (!prefix === !user) fail('give either --token-prefix sl_XXXXXXXX or --user <userId>');
    if (prefix && prefix.length < 8) fail('--token-prefix must be at least 8 characters (as list-users shows them)');
    const where = prefix ? `prefix LIKE ${sql(`${prefix.replace(/[%_\\]/g, (c) => `\\${c}`)}%`)} ESCAPE '\\'` : `user_id = ${sql(user)}`;
    const rows = d1(opts, `UPDATE credentials SET revoked_at = ${sql(now())} WHERE ${where} AND revoked_at IS NULL RETURNING id, prefix`);
    if (!rows.length) fail('no active token matched');
    for (const r of rows) console.log(`Revoked ${r.prefix}… (token id ${r.id})`);
  },

  invite(opts) {
    const userId = need(opts, 'user', 'a user id from create-user or list-users');
    const server = (opts.server ?? 'http://127.0.0.1:8787').replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]+$/.test(server)) fail('--server must be the server address alone, like https://shortlist.council.gov.uk');
    const [user] = d1(opts, `SELECT id, org_id, name, email, active FROM users WHERE id = ${sql(userId)}`);
    if (!user) fail(`no user ${userId}`);
    if (!user.active) fail(`user ${user.name} is deactivated`);
    const code = generateInvitationCode();
    const id = randomUUID();
    const created = now();
    const expires = new Date(Date.now() + 7 * 86_400_000).toISOString();
    // The user's open invitations stop working (only the newest does); audited like the console's.
    d1(
      opts,
      [
        `UPDATE invitations SET revoked_at = ${sql(created)} WHERE org_id = ${sql(user.org_id)} AND user_id = ${sql(user.id)} AND redeemed_at IS NULL AND revoked_at IS NULL`,
        `INSERT INTO invitations (id, org_id, user_id, code_hash, created_by, created_at, expires_at) VALUES (${sql(id)}, ${sql(user.org_id)}, ${sql(user.id)}, ${sql(hashInvitationCode(code))}, NULL, ${sql(created)}, ${sql(expires)})`,
        `INSERT INTO audit_log (org_id, at, user_id, credential_id, client_id, action, tbl, record_id, fields) VALUES (${sql(user.org_id)}, ${sql(created)}, NULL, NULL, NULL, 'create_invitation', 'invitations', ${sql(id)}, NULL)`,
      ].join('; '),
    );
    const shown = formatInvitationCode(code);
    console.log(`Invitation for ${user.name} <${user.email}>, valid until ${expires.slice(0, 10)}, single use. Send it by your own email:\n`);
    console.log(`  link: ${server}/invite/${shown}\n  code: ${shown}   (Shortlist settings → "I have an invitation code")\n`);
    console.log(`invitation id: ${id}`);
  },

  'list-users'(opts) {
    const org = need(opts, 'org');
    const users = d1(
      opts,
      `SELECT u.id, u.name, u.email, u.role, u.active,
              (SELECT group_concat(c.prefix || CASE WHEN c.revoked_at IS NOT NULL THEN ' (revoked)' WHEN c.expires_at <= ${sql(now())} THEN ' (expired)' ELSE ' (until ' || substr(c.expires_at, 1, 10) || ')' END, ', ')
                 FROM credentials c WHERE c.user_id = u.id) AS tokens
         FROM users u WHERE u.org_id = ${sql(org)} ORDER BY u.name`,
    );
    if (!users.length) return console.log(`No users in organisation ${org}`);
    for (const u of users) console.log(`${u.id}  ${u.role.padEnd(11)} ${u.active ? 'active  ' : 'inactive'}  ${u.name} <${u.email}>  tokens: ${u.tokens ?? 'none'}`);
  },
};

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { command, opts } = parseArgs(process.argv.slice(2));
  if (!command || !COMMANDS.includes(command)) {
    console.error(`usage: npm run admin -- <${COMMANDS.join('|')}> [options] [--remote | --local] [--persist-to DIR]\nsee the top of scripts/admin.mjs`);
    process.exit(command ? 1 : 0);
  }
  commands[command](opts);
}
