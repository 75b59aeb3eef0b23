#!/usr/bin/env bash
# ConformanceKit test runner.
#   ./run-tests.sh [flags]            check the target (ck preflight), then run the conformance suite
#   ./run-tests.sh storage [flags]    the same, only the storage scenarios (once per --storage-class)
#   ./run-tests.sh workload --workload-manifest FILE [flags]   check your StatefulSet's files (ck workload validate),
#                                     then the promises on it, each scenario in its own namespace (category Workload)
#   ./run-tests.sh self-test [--results DIR]   run every self-test project (tests/*.Tests), TRX results into DIR
# Exit code: 0 only when no test failed (the preflight's when the target is not usable; 130/143 when interrupted).
set -uo pipefail
invoked_from=$PWD
cd "$(dirname "$0")"

usage() {
  cat <<'HELP'
usage: ./run-tests.sh [self-test | storage | workload] [flags]
  storage: run only the storage scenarios (per-pod storage, retention, re-attach, scale-up, retention policies,
  reclaim), once per --storage-class, classes side by side in the report's "Storage classes" section
  workload: check the promises on your own StatefulSet (--workload-manifest): its files are checked first without a
  cluster (ck workload validate: bad input is one line, exit 2, nothing applied), then only the Workload scenarios
  run, each applying your documents into its own namespace (only the namespace, the session labels and mapped
  images change; the report lists each change). The plain suite and storage never run the Workload scenarios.

flag                      TestRunParameter / env        default
--kubeconfig PATH         Kubeconfig / CK_KUBECONFIG     none: an ephemeral k3s cluster (Cluster=k3s); given: Cluster=kubeconfig
--context NAME            Context / CK_CONTEXT           the kubeconfig's current context
--storage-class NAME      StorageClass / CK_STORAGE_CLASS  the cluster's default StorageClass; repeatable (CK_STORAGE_CLASS: a comma list): the storage scenarios run once per class
--scale-to N              ScaleTo / CK_SCALE_TO          6: the scale-up supply scenario scales 3 -> N (at least 3 + --samples)
--samples N               Samples / CK_SAMPLES           5: samples per class of each disruptive storage latency (re-attach graceful and forced, restart in place, scale-up); a gate needs 5
--max-bind-seconds S      MaxBindSeconds / CK_MAX_BIND_SECONDS  none; a failed check when a class's bind p95 exceeds S
--max-reattach-seconds S  MaxReattachSeconds / CK_MAX_REATTACH_SECONDS  none; a failed check when a class's re-attach p95 exceeds S
--busybox-image IMAGE     BusyboxImage / CK_BUSYBOX_IMAGE  busybox:1.36.1
--cluster-domain DOMAIN   ClusterDomain / CK_CLUSTER_DOMAIN  read from the DNS probe pod's resolv.conf (cluster.local when it does not say): the domain pod names are looked up under
--pod-security-level LEVEL  PodSecurityLevel / CK_POD_SECURITY_LEVEL  none: the cluster's default; privileged, baseline or restricted: every namespace of the run gets the label pod-security.kubernetes.io/enforce=LEVEL (for a cluster whose default level refuses the suite's pods)
--workload-image IMAGE    WorkloadImage / CK_WORKLOAD_IMAGE  nginx:1.27.3
--workload-manifest FILE  WorkloadManifest / CK_WORKLOAD_MANIFEST  workload mode only, required; repeatable (CK_*: a comma list of absolute paths): your StatefulSet, its headless Service and what they need (helm template output works)
--workload-name NAME      WorkloadName / CK_WORKLOAD_NAME  the only StatefulSet in the files; needed when they hold several
--workload-image-map FROM=TO  WorkloadImageMap / CK_WORKLOAD_IMAGE_MAP  none; repeatable: substitute an image of your files (FROM without a tag maps every tag)
--k3s-image IMAGE         K3sImage / CK_K3S_IMAGE        rancher/k3s:v1.31.14-k3s1
--k3s-image-archive FILE  K3sImageArchive / CK_K3S_IMAGE_ARCHIVE  none (pull when absent)
--k3s-airgap-images FILE  K3sAirgapImages / CK_K3S_AIRGAP_IMAGES  none; repeatable: k3s air-gap image tarballs (no registry)
--load-image IMAGE        LoadImages / CK_LOAD_IMAGES    none; repeatable: local images k3s imports at start
--keep-cluster            KeepCluster / CK_KEEP_CLUSTER  false: the k3s container is removed after the run
--keep-namespaces         KeepNamespaces / CK_KEEP_NAMESPACES  false: every test namespace is deleted
--keep-failed             KeepFailed / CK_KEEP_FAILED    false: keep only the namespaces of failed tests
--parallel N              NUnit NumberOfTestWorkers      6 scenarios at once (each in its own namespace)
--filter EXPR             dotnet test --filter           all tests but the Workload category (added to the mode's own category filter)
--results DIR             TRX results folder             .build/test-results
--help                    this text

A suite run ends with the report's path (artifacts/index.html, summary.json, junit.xml), the split of failures into
violations (the cluster broke a promise) and errors (the harness could not observe), and the line
"N passed, N failed, N skipped"; exit 0 only when nothing failed. Ctrl-C / SIGTERM: the running scenarios are
cancelled, what the run created is removed, one line names it ("interrupted by SIGINT: removed namespaces ..."),
exit 130 / 143, within 10 s; a second Ctrl-C stops at once and leaves the rest to the next run's sweep (or ck sweep).

The ephemeral cluster is a Testcontainers.K3s container (Docker through Testcontainers 4.17 and the Docker.DotNet
client it carries). An engine older than Docker API 1.44 gets DOCKER_API_VERSION set to its own version unless you
set it. Testcontainers' resource reaper (Ryuk) is on; where its image cannot be pulled, set
TESTCONTAINERS_RYUK_DISABLED=true (the session labels and 'ck sweep' then remove what a killed run leaves).
The Kubernetes API goes through the KubernetesClient package 21.0.8, which also reads the kubeconfig (contexts,
client certificates, tokens, exec credential plugins); a kubeconfig that cannot be used ends in one line naming it.
HELP
}

die() { echo "run-tests.sh: $*" >&2; exit 2; }

mode=suite
if [ "${1:-}" = "self-test" ]; then mode=self-test; shift; fi
if [ "${1:-}" = "storage" ]; then mode=storage; shift; fi
if [ "${1:-}" = "workload" ]; then mode=workload; shift; fi

# Every setting goes to ck and to the suite as its CK_* environment variable (ConformanceOptions reads them), not
# as a TestRunParameter: the value then arrives byte for byte, where dotnet test's inline run settings lose ';' and
# cannot carry '"'. With no --kubeconfig the options decide the target from CK_KUBECONFIG (none: k3s).
settings=() filter="" parallel="" results="$PWD/.build/test-results" load_images="" airgap_images="" storage_classes=""
workload_manifests="" workload_args=() image_map=""
need() { [ $# -ge 2 ] && [ -n "$2" ] || die "flag '$1' needs a value (see --help)"; }
set_env() { settings+=("$1=$2"); }
# Paths are the caller's: the suite runs in its build folder and ck here, so relative ones are made absolute.
abs() { case "$1" in /*) printf '%s' "$1" ;; *) printf '%s/%s' "$invoked_from" "$1" ;; esac; }

while [ $# -gt 0 ]; do
  case "$1" in
    --help|-h) usage; exit 0 ;;
    --kubeconfig) need "$@"; set_env CK_KUBECONFIG "$(abs "$2")"; set_env CK_CLUSTER kubeconfig; shift 2 ;;
    --context) need "$@"; set_env CK_CONTEXT "$2"; shift 2 ;;
    --storage-class) need "$@"; storage_classes="${storage_classes:+$storage_classes,}$2"; shift 2 ;;
    --scale-to) need "$@"; set_env CK_SCALE_TO "$2"; shift 2 ;;
    --samples) need "$@"; set_env CK_SAMPLES "$2"; shift 2 ;;
    --max-bind-seconds) need "$@"; set_env CK_MAX_BIND_SECONDS "$2"; shift 2 ;;
    --max-reattach-seconds) need "$@"; set_env CK_MAX_REATTACH_SECONDS "$2"; shift 2 ;;
    --busybox-image) need "$@"; set_env CK_BUSYBOX_IMAGE "$2"; shift 2 ;;
    --cluster-domain) need "$@"; set_env CK_CLUSTER_DOMAIN "$2"; shift 2 ;;
    --pod-security-level) need "$@"; set_env CK_POD_SECURITY_LEVEL "$2"; shift 2 ;;
    --workload-image) need "$@"; set_env CK_WORKLOAD_IMAGE "$2"; shift 2 ;;
    --k3s-image) need "$@"; set_env CK_K3S_IMAGE "$2"; shift 2 ;;
    --k3s-image-archive) need "$@"; set_env CK_K3S_IMAGE_ARCHIVE "$(abs "$2")"; shift 2 ;;
    --k3s-airgap-images) need "$@"; airgap_images="${airgap_images:+$airgap_images,}$(abs "$2")"; shift 2 ;;
    --load-image) need "$@"; load_images="${load_images:+$load_images,}$2"; shift 2 ;;
    --keep-cluster) set_env CK_KEEP_CLUSTER true; shift ;;
    --keep-namespaces) set_env CK_KEEP_NAMESPACES true; shift ;;
    --keep-failed) set_env CK_KEEP_FAILED true; shift ;;
    --workload-manifest|--workload-name|--workload-image-map)
      [ "$mode" = workload ] || die "flag '$1' is for the workload mode: ./run-tests.sh workload --workload-manifest FILE ... (see --help)"
      need "$@"
      case "$1" in
        --workload-manifest) path=$(abs "$2")
          case "$path" in *,*) die "--workload-manifest $2: the path holds ',', which separates the files in CK_WORKLOAD_MANIFEST; rename or link the file" ;; esac
          workload_manifests="${workload_manifests:+$workload_manifests,}$path"; workload_args+=("$1" "$path") ;;
        --workload-name) set_env CK_WORKLOAD_NAME "$2"; workload_args+=("$1" "$2") ;;
        --workload-image-map) image_map="${image_map:+$image_map,}$2"; workload_args+=("$1" "$2") ;;
      esac
      shift 2 ;;
    --filter) need "$@"; filter="$2"; shift 2 ;;
    --parallel) need "$@"; case "$2" in ''|*[!0-9]*|0) die "flag '--parallel' needs a whole number of at least 1, not '$2'" ;; esac
      parallel="$2"; shift 2 ;;
    --results) need "$@"; results=$(abs "$2"); shift 2 ;;
    *) die "unknown flag '$1' (see --help)" ;;
  esac
done
[ -n "$load_images" ] && set_env CK_LOAD_IMAGES "$load_images"
[ -n "$airgap_images" ] && set_env CK_K3S_AIRGAP_IMAGES "$airgap_images"
[ -n "$storage_classes" ] && set_env CK_STORAGE_CLASS "$storage_classes"
[ -n "$workload_manifests" ] && set_env CK_WORKLOAD_MANIFEST "$workload_manifests"
[ -n "$image_map" ] && set_env CK_WORKLOAD_IMAGE_MAP "$image_map"
# The storage entry is the suite restricted to the storage scenarios (NUnit category Storage), the workload entry to
# the scenarios on the user's StatefulSet (category Workload), each with any --filter on top. The plain suite leaves
# the Workload category out: without the user's files those scenarios have nothing to test.
case "$mode" in
  storage) filter="TestCategory=Storage${filter:+&($filter)}" ;;
  workload) filter="TestCategory=Workload${filter:+&($filter)}" ;;
  suite) filter="TestCategory!=Workload${filter:+&($filter)}" ;;
esac
mkdir -p "$results" || die "cannot create the results folder '$results'"
results=$(cd "$results" && pwd)

if [ "$mode" = self-test ]; then
  # The engine tests drive a real Docker engine through Testcontainers and build a local busybox image from Debian's
  # busybox-static (they turn Testcontainers' resource reaper off themselves: its image cannot be pulled here).
  if ! { [ -x /usr/bin/busybox ] && ldd /usr/bin/busybox 2>&1 | grep -q 'not a dynamic'; }; then
    echo "run-tests.sh: installing Debian's busybox-static for the local test image" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq busybox-static; } >&2 \
      || echo "run-tests.sh: could not install busybox-static; the engine tests will say what is missing" >&2
  fi
  bash .ci/ensure-docker.sh || echo "run-tests.sh: no Docker engine answers; the engine tests will fail with the reason" >&2
  status=0
  for project in tests/*.Tests/*.csproj; do
    name=$(basename "$project" .csproj)
    echo "== $name"
    dotnet test "$project" ${filter:+--filter "$filter"} --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
  done
  exit "$status"
fi

build_log=$(mktemp)
if ! dotnet build cli/ConformanceKit.Cli --nologo -v quiet "-clp:ErrorsOnly;NoSummary" >"$build_log" 2>&1; then
  cat "$build_log" >&2; rm -f "$build_log"; die "building ck failed (see above)"
fi
rm -f "$build_log"
build_dir="${CK_BUILD_DIR:-$PWD/.build}"
ck="$build_dir/bin/ConformanceKit.Cli/debug/ck"

# The user's workload files are checked before anything else: ck prints what each scenario will change and which
# promises it checks, or one line naming the problem (exit 2), and then no engine is started and no cluster touched.
if [ "$mode" = workload ]; then
  env ${settings[@]+"${settings[@]}"} "$ck" workload validate ${workload_args[@]+"${workload_args[@]}"} || exit $?
fi

# The ephemeral cluster needs a local Docker engine: start one (installing Debian's docker.io when missing) unless
# the run targets an existing cluster or names its own engine with DOCKER_HOST. The preflight below says in one
# line what is still wrong.
targets_k3s=true
for setting in ${settings[@]+"${settings[@]}"}; do [ "$setting" = CK_CLUSTER=kubeconfig ] && targets_k3s=false; done
{ [ -n "${CK_KUBECONFIG:-}" ] || [ "${CK_CLUSTER:-}" = kubeconfig ]; } && targets_k3s=false
if [ "$targets_k3s" = true ] && [ -z "${DOCKER_HOST:-}" ]; then
  bash .ci/ensure-docker.sh >&2 || true
fi


# The report (index.html, one SVG timeline per scenario, evidence of failed tests) goes to ./artifacts unless
# CK_ARTIFACTS_DIR says otherwise. What an earlier run wrote there is removed first, so the report never mixes runs:
# the run files, and each scenario's record (a JSON file naming its fullName and slug) with its SVG and text. Any other
# file in the folder is not the report's and stays.
artifacts="${CK_ARTIFACTS_DIR:-$PWD/artifacts}"
mkdir -p "$artifacts" || die "cannot create the artifacts folder '$artifacts'"
for record in "$artifacts"/*.json; do
  [ -f "$record" ] && grep -q '"fullName"' "$record" && grep -q '"slug"' "$record" || continue
  stem=${record%.json}; rm -f "$stem.json" "$stem.svg" "$stem.txt"
done
rm -f "$artifacts/index.html" "$artifacts/summary.json" "$artifacts/junit.xml" "$artifacts/run.json"
rm -rf "$artifacts/evidence"
trx="$results/ConformanceKit.Conformance.trx" note="$results/interrupted.txt"
rm -f "$trx" "$note"

# A target the preflight refuses ends the run with its one line, and a report holding that one error (so a CI gate
# still finds junit.xml and the closing line).
preflight_log=$(mktemp)
env ${settings[@]+"${settings[@]}"} "$ck" preflight 2>"$preflight_log"
preflight=$?
cat "$preflight_log" >&2
if [ "$preflight" -ne 0 ]; then
  "$ck" report --setup-error "$(tail -n 5 "$preflight_log")" --artifacts "$artifacts"
  rm -f "$preflight_log"
  exit "$preflight"
fi
rm -f "$preflight_log"

# Ctrl-C and SIGTERM go to the test host alone: it cancels the running scenarios (every wait is linked to its run
# token), removes what the run created, writes one line naming it to $note and ends; the test platform then reports
# the host gone and dotnet test ends. Measured with dotnet test 10 (VSTest), the reasons for each piece:
# - Not the suite's process group: dotnet test and vstest.console answer Ctrl-C and SIGTERM by ending the test host
#   within a second, long before its cleanup has talked to the cluster (and dotnet test itself ends before the host
#   has written its line). So the host writes its process id to $host_pid once its signal hooks are in place, and
#   the signal goes there. Before that the host has created nothing, and the suite's process group is signalled.
# - setsid: the suite has its own session, so a terminal's Ctrl-C reaches this script only, never the platform.
# - env --default-signal: a background command of a script starts with SIGINT and SIGQUIT ignored, and .NET keeps an
#   ignored signal ignored, so the host would never see Ctrl-C (the whole run went on to its end). Where env lacks
#   the option (coreutils < 8.31) the host is sent SIGTERM for Ctrl-C: it still cleans up, its line then says SIGTERM.
# A second Ctrl-C or SIGTERM stops the suite at once; what the cleanup had not removed yet, the next run's sweep does.
host_pid="$results/testhost.pid"
rm -f "$host_pid"
default_signals=()
env --default-signal=INT true 2>/dev/null && default_signals=(--default-signal=INT,QUIT)
signal="" suite="" before_host=false
send() {
  local to=$1
  [ "$to" = INT ] && [ ${#default_signals[@]} -eq 0 ] && to=TERM
  if [ -s "$host_pid" ] && kill -"$to" "$(cat "$host_pid")" 2>/dev/null; then return 0; fi
  before_host=true
  kill -"$to" -- "-$suite" 2>/dev/null || kill -"$to" "$suite" 2>/dev/null
}
on_signal() {
  if [ -n "$signal" ]; then
    [ -z "$suite" ] || kill -KILL -- "-$suite" 2>/dev/null
    rm -f "$host_pid"
    echo "interrupted by SIG$1 again: stopped at once, without waiting for the cleanup; the next run's sweep (or 'ck sweep') removes what is left"
    [ "$1" = INT ] && exit 130
    exit 143
  fi
  signal=$1
  [ -z "$suite" ] || send "$1"
}
trap 'on_signal INT' INT
trap 'on_signal TERM' TERM
env ${default_signals[@]+"${default_signals[@]}"} ${settings[@]+"${settings[@]}"} CK_ARTIFACTS_DIR="$artifacts" \
  CK_INTERRUPT_NOTE="$note" CK_SIGNAL_PID_FILE="$host_pid" \
  setsid dotnet test tests/ConformanceKit.Conformance ${filter:+--filter "$filter"} \
  --logger "trx;LogFileName=$(basename "$trx")" --logger "console;verbosity=normal" \
  --results-directory "$results" ${parallel:+-- "NUnit.NumberOfTestWorkers=$parallel"} &
suite=$!
# A signal that arrived before the suite's pid was known is sent now.
[ -z "$signal" ] || send "$signal"
status=0
while :; do
  wait "$suite"; status=$?
  kill -0 "$suite" 2>/dev/null || break
done
trap - INT TERM
# A host that never wrote its pid had not registered its cleanup, and creates nothing before it does.
[ "$before_host" = true ] && [ ! -s "$host_pid" ] && host_started=false || host_started=true
rm -f "$host_pid"

if [ -n "$signal" ]; then
  if [ -s "$note" ]; then cat "$note"
  elif [ "$host_started" = false ]; then echo "interrupted by SIG$signal before the test host started: the run had created nothing"
  else echo "interrupted by SIG$signal: the suite ended before it said what it removed; 'ck sweep' removes leftovers"; fi
  [ "$signal" = INT ] && exit 130
  exit 143
fi

# One report for the whole run, from the TRX results merged with what each scenario recorded: index.html,
# summary.json and junit.xml, then the closing line "N passed, N failed, N skipped". Exit 0 only when nothing failed.
"$ck" report --trx "$trx" --artifacts "$artifacts"
report_status=$?
if [ "$status" -eq 0 ] && [ "$report_status" -ne 0 ]; then status=$report_status; fi
exit "$status"
