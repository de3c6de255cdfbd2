#!/usr/bin/env bash
# Imports a CSV of establishments into a running company-service (default http://localhost:8081).
#   ./import-companies.sh establishments.csv [--url URL] [--adviser-email EMAIL] [--chunk ROWS]
# Needs the built jar: ./mvnw -pl company-service -am package -DskipTests
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/scripts/select-jdk.sh"
jar="$(ls "$here"/company-service/target/company-service-*-exec.jar 2>/dev/null | head -1 || true)"
if [[ -z "$jar" ]]; then
  echo "company-service is not built: ./mvnw -pl company-service -am package -DskipTests" >&2
  exit 2
fi
exec "$JAVA_HOME/bin/java" -cp "$jar" -Dloader.main=fr.relocmatch.company.cli.ImportCommand \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
