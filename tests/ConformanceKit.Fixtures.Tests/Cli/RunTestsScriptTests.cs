using System.Diagnostics;
using System.Runtime.CompilerServices;
using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Fixtures.Tests.Cli;

/// <summary>run-tests.sh: its help lists every setting with its variable and the defaults the code really has.</summary>
public sealed class RunTestsScriptTests
{
    [Test]
    public async Task Help_ListsEveryFlagVariableAndTheCodesDefaults()
    {
        // Given the repository's run-tests.sh
        var defaults = ConformanceOptions.Default;

        // When asked for help
        var (exit, help) = await RunScriptAsync("--help");

        // Then every setting appears with its flag, its variable and the default the code uses
        exit.ShouldBe(0);
        foreach (var (flag, name) in new[]
        {
            ("--kubeconfig", "Kubeconfig"), ("--context", "Context"), ("--storage-class", "StorageClass"),
            ("--busybox-image", "BusyboxImage"), ("--cluster-domain", "ClusterDomain"), ("--pod-security-level", "PodSecurityLevel"), ("--workload-image", "WorkloadImage"), ("--k3s-image", "K3sImage"),
            ("--k3s-image-archive", "K3sImageArchive"), ("--load-image", "LoadImages"), ("--k3s-airgap-images", "K3sAirgapImages"), ("--keep-cluster", "KeepCluster"),
            ("--keep-namespaces", "KeepNamespaces"), ("--keep-failed", "KeepFailed"), ("--scale-to", "ScaleTo"), ("--samples", "Samples"),
            ("--max-bind-seconds", "MaxBindSeconds"), ("--max-reattach-seconds", "MaxReattachSeconds"),
        })
        {
            help.ShouldContain(flag);
            help.ShouldContain($"{name} / {ConformanceOptions.EnvironmentVariableFor(name)}");
        }

        help.ShouldContain(defaults.K3sImage);
        help.ShouldContain(defaults.BusyboxImage);
        help.ShouldContain(defaults.WorkloadImage);
    }

    [Test]
    public async Task UnknownFlag_IsOneLineAndExitTwo()
    {
        // Given an unknown flag, When the script runs, Then it refuses in one line with exit 2
        var (exit, output) = await RunScriptAsync("--no-such-flag");
        exit.ShouldBe(2);
        output.Trim().ShouldBe("run-tests.sh: unknown flag '--no-such-flag' (see --help)");
    }

    private static async Task<(int Exit, string Output)> RunScriptAsync(string arg)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "run-tests.sh"));
        start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
