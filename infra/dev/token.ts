// npm run token -- --role approver --org <organization id> [--org <id> ...] [--subject name] [--hours 12]
import { parseArgs } from 'node:util';
import { config } from '../../services/common/config.js';
import { ROLES, signToken, type Role } from '../../services/common/identity.js';
import { UUID_PATTERN } from '../../services/common/ids.js';

const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true, default: ['integrator'] },
    org: { type: 'string', multiple: true, default: [] },
    subject: { type: 'string' },
    hours: { type: 'string', default: '12' },
  },
});

const roles = values.role.map((r) => r.toUpperCase());
const unknown = roles.filter((r) => !ROLES.includes(r as Role));
if (unknown.length) {
  console.error(`unknown role ${unknown.join(', ')}; use ${ROLES.map((r) => r.toLowerCase()).join(', ')}`);
  process.exit(2);
}
const badOrg = values.org.find((o) => !UUID_PATTERN.test(o));
if (badOrg) {
  console.error(`"${badOrg}" is not an organization id (a UUID)`);
  process.exit(2);
}
const hours = Number(values.hours);
if (!(hours > 0)) {
  console.error('--hours must be a positive number');
  process.exit(2);
}
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
