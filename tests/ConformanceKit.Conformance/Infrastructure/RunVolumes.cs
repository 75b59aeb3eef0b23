using ConformanceKit.Fixtures.Session;
using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Steps;
using k8s.Models;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Infrastructure;

/// <summary>What happens to the volumes of a test's namespace before the namespace is deleted with its claims.</summary>
internal static class RunVolumes
{
    /// <summary>
    /// Deletes the sets of the run in <paramref name="ns"/>, then sets reclaimPolicy Delete on the Retained volumes
    /// provisioned for its claims (the claims of sets the test deleted itself included); nothing when the namespace
    /// is kept (KeepNamespaces, or KeepFailed and the test failed).
    /// </summary>
    public static async Task ReleaseAsync(ConformanceSession session, string ns, TimeSpan stepTimeout, bool failed, CancellationToken ct)
    {
        if (session.Options.KeepNamespaces || (failed && session.Options.KeepFailed))
        {
            return;
        }

        var sets = await session.Client.ListAsync<V1StatefulSet>(ns, new ListOptions { LabelSelector = $"{SessionLabels.Session}={session.Run.Id}" }, ct);
        foreach (var set in sets.Items)
        {
            await session.Client.DeleteAsync<V1StatefulSet>(ns, set.Metadata.Name!, new V1DeleteOptions { PropagationPolicy = "Background" }, ct);
        }

        var handedBack = await new VolumeSteps(session.Client, stepTimeout).HandBackRetainedAsync(new HashSet<string>(StringComparer.Ordinal) { ns }, ct);
        if (handedBack.Count > 0)
        {
            TestContext.Progress.WriteLine($"set reclaimPolicy Delete on the volumes of {ns} (class reclaimPolicy Retain), so their provisioner deletes them: {string.Join(", ", handedBack)}");
        }
    }
}
