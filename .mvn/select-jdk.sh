# Sourced by ./mvnw (POSIX sh). Ringside builds and runs on a JDK 21 or newer. When JAVA_HOME is
# unset or older, look for one under the usual install roots and use it, so ./mvnw works on a
# machine whose default java is 17. When none is found, say so and stop.
ringside_java_major() {
  # prints the feature version of "$1/bin/java", or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}
ringside_required_jdk=21
ringside_current_home="${JAVA_HOME-}"
if [ -z "$ringside_current_home" ] && command -v javac >/dev/null 2>&1; then
  ringside_current_home="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
fi
ringside_major="$(ringside_java_major "$ringside_current_home")"
if [ -z "$ringside_major" ] || [ "$ringside_major" -lt "$ringside_required_jdk" ]; then
  set +f # mvnw runs with globbing off; the search below needs it
  ringside_found=""
  ringside_found_major=0
  for ringside_candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$ringside_candidate" ] || continue
    ringside_candidate_major="$(ringside_java_major "$ringside_candidate")"
    [ -n "$ringside_candidate_major" ] || continue
    if [ "$ringside_candidate_major" -ge "$ringside_required_jdk" ] && [ "$ringside_candidate_major" -gt "$ringside_found_major" ]; then
      ringside_found="$ringside_candidate"
      ringside_found_major="$ringside_candidate_major"
    fi
  done
  set -f
  if [ -z "$ringside_found" ]; then
    echo "Ringside needs a JDK $ringside_required_jdk or newer; found ${ringside_major:-none}${ringside_current_home:+ at $ringside_current_home}." >&2
    echo "Install one (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
    exit 1
  fi
  [ "${MVNW_VERBOSE-}" = true ] && echo "mvnw: using JDK $ringside_found_major at $ringside_found" >&2
  JAVA_HOME="$ringside_found"
  export JAVA_HOME
fi
