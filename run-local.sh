#!/usr/bin/env bash
# Builds RelocMatch and starts everything on this machine: Kafka (KRaft), a MongoDB wire-protocol
# server, an SMTP server, the four services and the demo data. State is kept in ./data.
# Ctrl-C stops everything. Needs only a JDK 21+ (Maven comes through ./mvnw).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/select-jdk.sh
echo "Building with $("$JAVA_HOME/bin/java" -version 2>&1 | head -1) ..."
./mvnw -q -B -DskipTests package
# JDK 24+ warns on every start that the broker's libraries use sun.misc.Unsafe: allowed, not news.
JAVA_OPTS=()
if [ "$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk '/java.specification.version/ {print $3}')" -ge 24 ]; then
    JAVA_OPTS+=(--sun-misc-unsafe-memory-access=allow)
fi
exec "$JAVA_HOME/bin/java" "${JAVA_OPTS[@]}" -jar local-launcher/target/local-launcher-*-exec.jar "$@"
