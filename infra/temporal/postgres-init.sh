#!/bin/sh
# PostgreSQL's first start (docker-entrypoint-initdb.d): a role of Temporal's own, which may
# create its two databases (temporal, temporal_visibility) but cannot read the hub's.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="${TEMPORAL_DB_PASSWORD:?}" <<'SQL'
create role temporal login createdb password :'password';
revoke all on database hub from public;
SQL
