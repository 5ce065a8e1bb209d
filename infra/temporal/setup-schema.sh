#!/bin/sh
# One-shot job (docker-compose's temporal-schema, infra/k8s's temporal-schema Job): Temporal's
# own SQL tool creates the persistence and visibility databases on PostgreSQL and brings both
# schemas to the version of the admin-tools image (temporal-sql-tool, from temporalio/admin-tools,
# whose image carries the versioned schema files). Safe to run again: an existing database is
# kept, and update-schema applies only what is missing. Run it before every Temporal upgrade.
set -eu
: "${SQL_HOST:?}" "${SQL_USER:?}" "${SQL_PASSWORD:?}"
SQL_PORT="${SQL_PORT:-5432}"
SCHEMA_DIR="${SCHEMA_DIR:-/etc/temporal/schema/postgresql/v12}"
tool() {
  temporal-sql-tool --plugin postgres12 --ep "$SQL_HOST" -p "$SQL_PORT" -u "$SQL_USER" --pw "$SQL_PASSWORD" "$@"
}
for pair in "${TEMPORAL_DB:-temporal}:temporal" "${TEMPORAL_VISIBILITY_DB:-temporal_visibility}:visibility"; do
  db="${pair%%:*}"
  schema="${pair#*:}"
  tool --db "$db" create-database 2>/dev/null && echo "[temporal-schema] created database $db" \
    || echo "[temporal-schema] database $db exists"
  tool --db "$db" setup-schema -v 0.0
  tool --db "$db" update-schema -d "$SCHEMA_DIR/$schema/versioned"
  echo "[temporal-schema] $db: schema up to date"
done
