using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Tests.Support;
using k8s;
using k8s.Models;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Recording;

/// <summary>The state line of a timeout message: a Pending claim carries its diagnosis, so a wait that timed out says why.</summary>
public sealed class NamespaceViewDescribeTests
{
    [Test]
    public void Describe_PendingClaimOfTheRecordedWffcNamespace_CarriesThePendingDiagnosis()
    {
        // Given the pending-wffc namespace as recorded: web-0 refused by the scheduler, data-web-0 Pending
        var view = View("pending-wffc");

        // When
        var state = view.Describe();

        // Then the claim's line says why it is Pending, from the events alone
        state.ShouldContain("pvc data-web-0 phase=Pending volume=- (PVC data-web-0 is Pending: storageClassName=manual-wffc provides no volume for pod web-0");
    }

    [Test]
    public void Describe_BoundClaims_CarryNoDiagnosis()
    {
        // Given a namespace whose claims are all Bound (the control)
        var view = View("ordered-lifecycle");

        // When
        var state = view.Describe();

        // Then each claim's line ends with its volume
        state.ShouldContain("phase=Bound volume=pvc-");
        state.ShouldNotContain("is Pending");
    }

    // The namespace at the recording's most populated moment: each claim and pod at its last state before deletion.
    private static NamespaceView View(string folder)
    {
        var pods = Recorded.Pods(folder).Where(e => e.Type != WatchEventType.Deleted).GroupBy(e => e.Object!.Metadata.Name)
            .ToDictionary(g => g.Key, g => g.Last().Object!);
        var claims = Recorded.Claims(folder).Where(e => e.Type != WatchEventType.Deleted).GroupBy(e => e.Object!.Metadata.Name)
            .ToDictionary(g => g.Key, g => g.Last().Object!);
        var events = Recorded.Events(folder).Where(e => e.Type != WatchEventType.Deleted).Select(e => e.Object!).ToList();
        return new NamespaceView(pods, claims, events, () => Recorded.Timeline(folder));
    }
}
