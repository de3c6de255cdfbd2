# Sourced by run-local.sh and .ci/run: makes JAVA_HOME point at a JDK 21 or newer.
# Keeps JAVA_HOME (or the java on the PATH) when it is recent enough; otherwise takes the newest
# JDK found under /usr/lib/jvm or /Library/Java/JavaVirtualMachines.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1 | cut -d. -f1
}
candidate=""
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  candidate="$JAVA_HOME"
elif command -v java >/dev/null 2>&1; then
  candidate="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
fi
if [ -z "$candidate" ] || [ "$(java_major "$candidate/bin/java")" -lt 21 ] 2>/dev/null; then
  best=""; best_major=0
  for home in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$home/bin/javac" ] || continue
    major="$(java_major "$home/bin/java")"
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$home"; best_major="$major"; fi
  done
  if [ -z "$best" ]; then
    echo "RelocMatch needs a JDK 21 or newer; none found (set JAVA_HOME)." >&2
    return 1 2>/dev/null || exit 1
  fi
  candidate="$best"
fi
export JAVA_HOME="$candidate"
export PATH="$JAVA_HOME/bin:$PATH"
