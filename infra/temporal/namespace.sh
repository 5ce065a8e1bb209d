#!/bin/sh
# One-shot job (docker-compose's temporal-namespace, infra/k8s's temporal-namespace Job): the
# hub's namespace with its retention (how long a closed run's history is kept; the hub's own
# tables keep the outcome for ever), and the hub's search attributes, which every run carries
# and the admins' filters use (workflows/human-task/search-attributes.ts). Idempotent. The
# processes service would also add missing search attributes at start; registering them here
# means a hub whose Temporal identity may not change the cluster still starts.
set -eu
: "${TEMPORAL_ADDRESS:?}"
NAMESPACE="${TEMPORAL_NAMESPACE:-hub}"
RETENTION="${TEMPORAL_RETENTION:-30d}"
until temporal operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; do
  echo "[temporal-namespace] waiting for the frontend at $TEMPORAL_ADDRESS"
  sleep 2
done
if temporal operator namespace describe --address "$TEMPORAL_ADDRESS" --namespace "$NAMESPACE" >/dev/null 2>&1; then
  temporal operator namespace update --address "$TEMPORAL_ADDRESS" --namespace "$NAMESPACE" --retention "$RETENTION"
else
  temporal operator namespace create --address "$TEMPORAL_ADDRESS" --namespace "$NAMESPACE" --retention "$RETENTION"
fi
for attribute in HubProcessType:Keyword HubOrganizationId:Keyword HubStage:Keyword HubYear:Int; do
  temporal operator search-attribute create --address "$TEMPORAL_ADDRESS" --namespace "$NAMESPACE" \
    --name "${attribute%%:*}" --type "${attribute#*:}" 2>/dev/null || true
done
temporal operator search-attribute list --address "$TEMPORAL_ADDRESS" --namespace "$NAMESPACE"
echo "[temporal-namespace] $NAMESPACE: retention $RETENTION, search attributes registered"
