#!/usr/bin/env bash
# ConformanceKit test runner.
#   ./run-tests.sh [flags]            check the target (ck preflight), then run the conformance suite
#   ./run-tests.sh self-test [--results DIR]   run every self-test project (tests/*.Tests), TRX results into DIR
# Exit code: the suite's (or the preflight's when the target is not usable).
set -uo pipefail
cd "$(dirname "$0")"

usage() {
  cat <<'HELP'
usage: ./run-tests.sh [self-test] [flags]

flag                      TestRunParameter / env        default
--kubeconfig PATH         Kubeconfig / CK_KUBECONFIG     none: an ephemeral k3s cluster (Cluster=k3s); given: Cluster=kubeconfig
--context NAME            Context / CK_CONTEXT           the kubeconfig's current context
--storage-class NAME      StorageClass / CK_STORAGE_CLASS  the cluster's default StorageClass
--busybox-image IMAGE     BusyboxImage / CK_BUSYBOX_IMAGE  busybox:1.36.1
--workload-image IMAGE    WorkloadImage / CK_WORKLOAD_IMAGE  nginx:1.27.3
--k3s-image IMAGE         K3sImage / CK_K3S_IMAGE        rancher/k3s:v1.31.14-k3s1
--k3s-image-archive FILE  K3sImageArchive / CK_K3S_IMAGE_ARCHIVE  none (pull when absent)
--load-image IMAGE        LoadImages / CK_LOAD_IMAGES    none; repeatable: side-load local images into k3s
--keep-cluster            KeepCluster / CK_KEEP_CLUSTER  false: the k3s container is removed after the run
--keep-namespaces         KeepNamespaces / CK_KEEP_NAMESPACES  false: every test namespace is deleted
--keep-failed             KeepFailed / CK_KEEP_FAILED    false: keep only the namespaces of failed tests
--filter EXPR             dotnet test --filter           all tests
--results DIR             TRX results folder             .build/test-results
--help                    this text
HELP
}

die() { echo "run-tests.sh: $*" >&2; exit 2; }

mode=suite
if [ "${1:-}" = "self-test" ]; then mode=self-test; shift; fi

params=() filter="" results="$PWD/.build/test-results" load_images="" cluster=k3s
preflight_args=()
need() { [ $# -ge 2 ] && [ -n "$2" ] || die "flag '$1' needs a value (see --help)"; }
param() { params+=("TestRunParameters.Parameter(name=\"$1\", value=\"$2\")"); }

while [ $# -gt 0 ]; do
  case "$1" in
    --help|-h) usage; exit 0 ;;
    --kubeconfig) need "$@"; param Kubeconfig "$2"; cluster=kubeconfig; preflight_args+=("$1" "$2"); shift 2 ;;
    --context) need "$@"; param Context "$2"; preflight_args+=("$1" "$2"); shift 2 ;;
    --storage-class) need "$@"; param StorageClass "$2"; preflight_args+=("$1" "$2"); shift 2 ;;
    --busybox-image) need "$@"; param BusyboxImage "$2"; shift 2 ;;
    --workload-image) need "$@"; param WorkloadImage "$2"; shift 2 ;;
    --k3s-image) need "$@"; param K3sImage "$2"; preflight_args+=("$1" "$2"); shift 2 ;;
    --k3s-image-archive) need "$@"; param K3sImageArchive "$2"; preflight_args+=("$1" "$2"); shift 2 ;;
    --load-image) need "$@"; load_images="${load_images:+$load_images,}$2"; preflight_args+=("$1" "$2"); shift 2 ;;
    --keep-cluster) param KeepCluster true; shift ;;
    --keep-namespaces) param KeepNamespaces true; shift ;;
    --keep-failed) param KeepFailed true; shift ;;
    --filter) need "$@"; filter="$2"; shift 2 ;;
    --results) need "$@"; results="$2"; shift 2 ;;
    *) die "unknown flag '$1' (see --help)" ;;
  esac
done
[ -n "$load_images" ] && param LoadImages "$load_images"
param Cluster "$cluster"
preflight_args+=(--cluster "$cluster")
mkdir -p "$results" || die "cannot create the results folder '$results'"
results=$(cd "$results" && pwd)

if [ "$mode" = self-test ]; then
  # The engine tests drive a real Docker engine and build a local busybox image from Debian's busybox-static.
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
"$build_dir/bin/ConformanceKit.Cli/debug/ck" preflight "${preflight_args[@]}" || exit $?

dotnet test tests/ConformanceKit.Conformance ${filter:+--filter "$filter"} \
  --logger "trx;LogFileName=ConformanceKit.Conformance.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" -- "${params[@]}"
