#!/usr/bin/env bash
# Makes a Docker engine answer, idempotently: when `docker info` already works nothing is started; otherwise
# Debian's docker.io is installed if dockerd is missing, dockerd is started in the background (log in a file, pid
# in a file) and the script waits, bounded, until the engine answers. `--stop` stops only a dockerd this script
# started. Prints one line saying what it did; exits non-zero when no engine answers.
set -uo pipefail

pid_file="${CK_DOCKERD_PID_FILE:-/tmp/conformancekit-dockerd.pid}"
log_file="${CK_DOCKERD_LOG:-/tmp/conformancekit-dockerd.log}"
wait_seconds="${CK_DOCKERD_WAIT_SECONDS:-60}"
# Extra dockerd flags, e.g. for a second engine beside one: --pidfile, --data-root, --exec-root, -H, --bridge=<own
# bridge>. Never --bridge=none beside a running engine: dockerd then deletes the shared docker0 interface.
extra_args="${CK_DOCKERD_ARGS:-}"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"; else "$@"; fi
}

engine_answers() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }

# The pid in the pid file, when that process is still a dockerd; otherwise nothing (and a stale file is removed).
our_dockerd() {
  [ -f "$pid_file" ] || return 1
  local pid
  pid=$(cat "$pid_file" 2>/dev/null)
  # A killed dockerd whose parent never reaped it stays a zombie (state Z) with its name: that one is gone too.
  if [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "dockerd" ] \
     && ! awk '{ exit !($3 == "Z" || $3 == "X") }' "/proc/$pid/stat" 2>/dev/null; then
    echo "$pid"
    return 0
  fi
  as_root rm -f "$pid_file"
  return 1
}

stop() {
  local pid
  if ! pid=$(our_dockerd); then
    echo "ensure-docker: no dockerd started by this script is running; nothing stopped"
    return 0
  fi
  as_root kill -TERM "$pid"
  local deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    as_root kill -KILL "$pid"
    echo "ensure-docker: dockerd (pid $pid) did not stop within 30 s of SIGTERM; killed it"
  else
    echo "ensure-docker: stopped the dockerd this script started (pid $pid)"
  fi
  as_root rm -f "$pid_file"
}

start() {
  if engine_answers; then
    local pid
    if pid=$(our_dockerd); then
      echo "ensure-docker: engine answers (dockerd pid $pid, started earlier by this script); started none"
    else
      echo "ensure-docker: engine already answers ($(docker version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}' 2>/dev/null)); started none"
    fi
    return 0
  fi

  if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
    echo "ensure-docker: dockerd or docker missing; installing Debian's docker.io" >&2
    if ! { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq docker.io; } >&2; then
      echo "ensure-docker: could not install docker.io (apt-get failed); no engine answers"
      return 1
    fi
  fi

  if our_dockerd >/dev/null; then
    echo "ensure-docker: waiting for the dockerd this script started earlier (pid $(cat "$pid_file"))" >&2
  else
    # A DOCKER_HOST the tests will use is where the new engine listens too.
    as_root sh -c "nohup dockerd ${DOCKER_HOST:+-H '$DOCKER_HOST'} $extra_args >'$log_file' 2>&1 & echo \$! >'$pid_file'"
  fi
  local pid
  pid=$(cat "$pid_file")

  local deadline=$((SECONDS + wait_seconds))
  until engine_answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "ensure-docker: dockerd (pid $pid) exited before answering; last lines of $log_file:"
      tail -n 20 "$log_file" 2>/dev/null | sed 's/^/  /'
      as_root rm -f "$pid_file"
      return 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "ensure-docker: dockerd (pid $pid) did not answer within $wait_seconds s; see $log_file (stop it with $0 --stop)"
      return 1
    fi
    sleep 0.5
  done
  echo "ensure-docker: started dockerd (pid $pid, log $log_file, pid file $pid_file); engine answers"
}

case "${1:-}" in
  --stop) stop ;;
  "") start ;;
  *) echo "usage: $0 [--stop]" >&2; exit 2 ;;
esac
