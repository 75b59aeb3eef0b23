#!/usr/bin/env bash
# Packs ConformanceKit.Scenarios and ConformanceKit.Fixtures into the local folder feed (.build/packages, at the
# version of Version.props), builds samples/MyStatefulSet.Tests against those packages and runs its tests that need
# no cluster (TestCategory!=Cluster), TRX into the results folder.
#   bash .ci/sample.sh [--results DIR]      (default DIR: .build/test-results)
# Exit code: 0 only when the pack, the build and every test passed, and the sample was built on this very pack.
set -uo pipefail
cd "$(dirname "$0")/.."

results="$PWD/.build/test-results"
if [ "${1:-}" = --results ]; then results="${2:?--results needs a folder}"; fi
mkdir -p "$results" && results=$(cd "$results" && pwd)
feed="$PWD/.build/packages"
version=$(sed -n 's:.*<ConformanceKitVersion>\(.*\)</ConformanceKitVersion>.*:\1:p' Version.props)

rm -f "$feed"/ConformanceKit.*.nupkg
for project in scenarios/ConformanceKit.Scenarios fixtures/ConformanceKit.Fixtures; do
  dotnet pack "$project" --nologo -v q "-clp:ErrorsOnly;NoSummary" -o "$feed" || { echo "sample: packing $project failed (see above)" >&2; exit 1; }
done

# The sample restores into a package folder of this run only: ~/.nuget/packages may hold an earlier build of the
# same version, which NuGet would use without looking at the feed. Everything else is restored from the usual sources.
packages=$(mktemp -d "${TMPDIR:-/tmp}/ck-sample-packages.XXXXXX")
trap 'rm -rf "$packages"' EXIT
NUGET_PACKAGES="$packages" dotnet test samples/MyStatefulSet.Tests --nologo --filter 'TestCategory!=Cluster' \
  --logger "trx;LogFileName=MyStatefulSet.Tests.trx" --results-directory "$results"
status=$?

# The packages the sample was built on are the ones just packed (NuGet keeps each package's SHA-512 beside it).
for id in ConformanceKit.Scenarios ConformanceKit.Fixtures; do
  lower=$(tr '[:upper:]' '[:lower:]' <<<"$id")
  packed=$(openssl dgst -sha512 -binary "$feed/$id.$version.nupkg" | base64 -w0)
  restored=$(cat "$packages/$lower/$version/$lower.$version.nupkg.sha512" 2>/dev/null)
  if [ "$packed" != "$restored" ]; then
    echo "sample: the sample was not built on $id $version as just packed into $feed" >&2
    status=1
  fi
done
exit "$status"
