#!/usr/bin/env bash
# Runs the local stack under load and measures it (see docs/benchmarks.md, "Under load"):
#   ./run-load.sh                                   # 100 000 profiles, 100 demands/s for 60 s, a restart
#   ./run-load.sh --profiles=1000000 --profiles-via=topic
# Options: --profiles --groups --rate --duration (s) --probe-rate --seed --restart=false
#          --profiles-via=inbox|topic (topic: straight on relocmatch.companies.v1, as company-service writes them)
#          --out (default load-driver/target/load-run). The heap matching-service gets
# (default 1g, as ./run-local.sh gives it): LOAD_JAVA_OPTS="-Drelocmatch.matching-service.heap=2g" ./run-load.sh ...
set -euo pipefail
cd "$(dirname "$0")"
. scripts/select-jdk.sh
./mvnw -q -B -DskipTests package
JAVA_OPTS=(${LOAD_JAVA_OPTS:-})
if [ "$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk '/java.specification.version/ {print $3}')" -ge 24 ]; then
    JAVA_OPTS+=(--sun-misc-unsafe-memory-access=allow)
fi
exec "$JAVA_HOME/bin/java" "${JAVA_OPTS[@]}" -jar load-driver/target/load-driver-*-exec.jar "$@"
