using System.Runtime.CompilerServices;

namespace ConformanceKit.Fixtures.Tests.Cli;

/// <summary>ck workload validate, run as a process: a summary on success, one line and exit 2 on bad input.</summary>
public sealed class WorkloadCommandTests
{
    private static string Example(string file, [CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", "manifests", "examples", file));

    [Test]
    public async Task Validate_SeedExample_PrintsChangesAndPromisesAndExitsZero()
    {
        // When
        var (exit, stdout, stderr) = await CkProcess.RunAsync(null, "workload", "validate", "--workload-manifest", Example("redis-cluster.yaml"),
            "--workload-image-map", "redis:6.2=registry.local/redis:6.2");

        // Then
        exit.ShouldBe(0, stderr);
        stdout.ShouldContain("workload: StatefulSet redis-cluster (3 replicas, podManagementPolicy OrderedReady) with headless Service cache-service");
        stdout.ShouldContain("spec.template.spec.containers[redis-node].image (--workload-image-map redis:6.2=registry.local/redis:6.2) redis:6.2 → registry.local/redis:6.2");
        stdout.ShouldContain("SKIP PerPodStorage: the StatefulSet has no volumeClaimTemplates");
        stdout.ShouldNotContain("warnings");
    }

    [Test]
    public async Task Validate_SetNamingASecretNotInTheFiles_PrintsTheWarningLastAndExitsZero()
    {
        // Given the nginx example with a volume of a Secret that no document of the file holds
        var dir = Directory.CreateTempSubdirectory("ck-validate-");
        try
        {
            var file = Path.Combine(dir.FullName, "with-secret.yaml");
            const string mount = "          mountPath: /usr/share/nginx/html\n";
            var example = File.ReadAllText(Example("sfs-test01.yaml"));
            example.ShouldContain(mount);
            File.WriteAllText(file, example.Replace(mount, mount + "      volumes:\n      - name: tls\n        secret:\n          secretName: web-tls\n", StringComparison.Ordinal));

            // When
            var (exit, stdout, stderr) = await CkProcess.RunAsync(null, "workload", "validate", "--workload-manifest", file);

            // Then the summary is printed as before, then the one warning, and the exit code is still 0
            exit.ShouldBe(0, stderr);
            var lines = stdout.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            lines.ShouldContain("promises:");
            lines.TakeLast(2).ShouldBe(
            [
                "warnings (the run goes on):",
                "  spec.template.spec.volumes[tls].secret.secretName references Secret \"web-tls\", which is not in the files: each test applies them "
                + "into its own namespace, so add it to the files (a Secret made by an operator from a document in the files is fine)",
            ]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Validate_TwoSetsWithoutName_OneLineAndExitTwo()
    {
        // When
        var (exit, stdout, stderr) = await CkProcess.RunAsync(null, "workload", "validate",
            "--workload-manifest", Example("redis-cluster.yaml"), "--workload-manifest", Example("sfs-test01.yaml"));

        // Then
        exit.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.TrimEnd().Split('\n').Length.ShouldBe(1);
        stderr.ShouldContain("2 StatefulSets (redis-cluster in ");
        stderr.ShouldContain("choose the one to test with --workload-name NAME");
    }

    [Test]
    public async Task Validate_UnknownFlag_OneLineAndExitTwo()
    {
        // When
        var (exit, _, stderr) = await CkProcess.RunAsync(null, "workload", "validate", "--workload-file", "x.yaml");

        // Then
        exit.ShouldBe(2);
        stderr.TrimEnd().ShouldBe("ck: unknown flag '--workload-file' for 'ck workload validate'; known flags: --workload-manifest, --workload-name, --workload-image-map.");
    }
}
