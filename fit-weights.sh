#!/usr/bin/env bash
# Fits the score weights of the région a running matching-service serves (default
# http://localhost:8083) to its advisers' decisions and prints old → new weights with what they
# change; applies a version only when asked. A région admin's token:
#   RELOCMATCH_TOKEN=$(scripts/token.sh admin.normandie) ./fit-weights.sh
#   RELOCMATCH_TOKEN=$(scripts/token.sh admin.normandie) ./fit-weights.sh --apply 1
#   ./fit-weights.sh --list [--url URL] [--token TOKEN]
# Needs the built jar: ./mvnw -pl matching-service -am package -DskipTests
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/scripts/select-jdk.sh"
jar="$(ls "$here"/matching-service/target/matching-service-*-exec.jar 2>/dev/null | head -1 || true)"
if [[ -z "$jar" ]]; then
  echo "matching-service is not built: ./mvnw -pl matching-service -am package -DskipTests" >&2
  exit 2
fi
exec "$JAVA_HOME/bin/java" -cp "$jar" -Dloader.main=fr.relocmatch.matching.cli.WeightsCommand \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
