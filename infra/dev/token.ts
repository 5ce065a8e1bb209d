// npm run token -- --role approver --org <organization id> [--org <id> ...] [--subject name] [--hours 12]
import { parseCli, usageError } from '../../services/common/cli.js';
import { config } from '../../services/common/config.js';
import { ROLES, signToken, type Role } from '../../services/common/identity.js';
import { UUID_PATTERN } from '../../services/common/ids.js';

const { values } = parseCli({
  usage: `npm run token -- [--role <${ROLES.map((r) => r.toLowerCase()).join('|')}> ...] [--org <organization id> ...] [--subject <name>] [--hours 12]`,
  about:
    'Prints a bearer token of the hub (HS256 with JWT_SECRET) for development: roles (default integrator), the organizations it acts for,\nits subject (default dev-<roles>) and how many hours it lives (at most TOKEN_MAX_LIFETIME_HOURS, default 24).',
  options: {
    role: { type: 'string', multiple: true, default: ['integrator'] },
    org: { type: 'string', multiple: true, default: [] },
    subject: { type: 'string' },
    hours: { type: 'string', default: '12' },
  },
});

const roles = values.role.map((r) => r.toUpperCase());
const unknown = roles.filter((r) => !ROLES.includes(r as Role));
if (unknown.length)
  usageError(`unknown role ${unknown.join(', ')}; use ${ROLES.map((r) => r.toLowerCase()).join(', ')}`);
const badOrg = values.org.find((o) => !UUID_PATTERN.test(o));
if (badOrg) usageError(`"${badOrg}" is not an organization id (a UUID)`);
const hours = Number(values.hours);
if (!(hours > 0)) usageError('--hours must be a positive number');
const maxHours = config().tokenMaxLifetimeMs / 3_600_000;
// The hub would refuse a token that lives longer than it allows: say so now, not at the first request.
if (hours > maxHours)
  usageError(
    `--hours ${hours} is longer than tokens may live (TOKEN_MAX_LIFETIME_HOURS=${maxHours}); ask for ${maxHours} or less`,
  );
const token = await signToken(
  {
    subject: values.subject ?? `dev-${roles.join('-').toLowerCase()}`,
    roles: roles as Role[],
    organizationIds: values.org,
  },
  config().jwtSecret,
  `${hours}h`,
);
console.log(token);
