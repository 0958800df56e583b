# Sourced by ./switchboard, ./run-tests and .ci/run: finds a JDK 25 (or newer) and exports JAVA_HOME.
# Keeps $JAVA_HOME when it is one; else looks where Debian, Temurin and Oracle packages put it.

_jdk_spec() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F= '/java.specification.version/ { gsub(/ /, "", $2); print $2 }'
}

_jdk_ok() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  local v; v=$(_jdk_spec "$1")
  [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null
}

select_jdk25() {
  if [ -n "${JAVA_HOME:-}" ] && _jdk_ok "$JAVA_HOME"; then export JAVA_HOME; return 0; fi
  local d
  for d in /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/java-25-openjdk* /usr/lib/jvm/jdk-25* \
           /usr/lib/jvm/temurin-2[6-9]-jdk* /usr/lib/jvm/java-2[6-9]-openjdk* \
           /Library/Java/JavaVirtualMachines/*25*/Contents/Home; do
    if _jdk_ok "$d"; then export JAVA_HOME="$d"; return 0; fi
  done
  if command -v javac >/dev/null 2>&1; then
    d=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if _jdk_ok "$d"; then export JAVA_HOME="$d"; return 0; fi
  fi
  echo "Switchboard needs JDK 25 or newer, and none was found (looked at \$JAVA_HOME and /usr/lib/jvm)." >&2
  echo "Install Temurin 25 (or any JDK 25) and set JAVA_HOME to it." >&2
  return 1
}

# Maven 3.8 on JDK 25 warns about sun.misc.Unsafe; this flag is fine on 25 but would stop a JDK 17 JVM, so it is
# set here, after the JDK check, and never in .mvn/jvm.config.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
