using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;
using ConformanceKit.Scenarios.Tests.Kubernetes.Support;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;
using static ConformanceKit.Scenarios.Tests.Kubernetes.Support.Objects;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Api;

public sealed class WaitTests : LoopbackTest
{
    [Test]
    public async Task WaitUntilGone_CompletesOnTheDeletedEvent()
    {
        // Given a pod that exists, then is deleted once the test opens the gate
        var gate = new TaskCompletionSource();
        Server.MapList(PodsPath, Respond.List("PodList", "10", null, Pod("web-0", "u0", "9")));
        Server.MapWatch(PodsPath, Respond.Watch(new WatchScript().WaitFor(gate.Task).Line(WatchLine("DELETED", Pod("web-0", "u0", "11"))).HoldOpen()));
        using var client = CreateClient();

        // When waiting until it is gone
        var wait = client.WaitUntilGoneAsync<V1Pod>(Ns, "web-0", Streams.Deadline, CancellationToken.None);
        wait.IsCompleted.ShouldBeFalse();
        gate.SetResult();
        await wait;

        // Then the watch was narrowed to the pod and started at the list's resourceVersion
        var watch = Server.RequestsTo(PodsPath).Last();
        (watch.Query("fieldSelector"), watch.Query("resourceVersion")).ShouldBe(("metadata.name=web-0", "10"));
    }

    [Test]
    public async Task WaitUntilGone_ObjectThatStays_TimesOutNamingItAndTheTimeout()
    {
        // Given a pod that is never deleted
        Server.MapList(PodsPath, Respond.List("PodList", "10", null, Pod("web-0", "u0", "9")));
        Server.MapWatch(PodsPath, Respond.Watch(new WatchScript().HoldOpen()));
        using var client = CreateClient();

        // When waiting half a second
        var error = await Should.ThrowAsync<TimeoutException>(() => client.WaitUntilGoneAsync<V1Pod>(Ns, "web-0", TimeSpan.FromMilliseconds(500), CancellationToken.None));

        // Then the message names the pod and the timeout
        error.Message.ShouldBe("Pod 'ns/web-0' still exists after the allowed timeout of '00:00:00.5000000'");
    }

    [Test]
    public async Task WaitFor_CompletesWithTheFirstStateMatchingTheCondition()
    {
        // Given a pod that is Pending, then Running
        Server.MapList(PodsPath, Respond.List("PodList", "10", null, Pod("web-0", "u0", "9", "Pending")));
        Server.MapWatch(PodsPath, Respond.Watch(new WatchScript().Line(WatchLine("MODIFIED", Pod("web-0", "u0", "12", "Running"))).HoldOpen()));
        using var client = CreateClient();

        // When waiting for Running
        var pod = await client.WaitForAsync<V1Pod>(Ns, "web-0", p => p.Status?.Phase == "Running", Streams.Deadline, CancellationToken.None);

        // Then the Running state is returned (not the Pending one listed first)
        pod.Metadata.ResourceVersion.ShouldBe("12");
    }

    [Test]
    public async Task WaitFor_ConditionNeverMet_TimesOut()
    {
        // Given a pod that stays Pending
        Server.MapList(PodsPath, Respond.List("PodList", "10", null, Pod("web-0", "u0", "9", "Pending")));
        Server.MapWatch(PodsPath, Respond.Watch(new WatchScript().HoldOpen()));
        using var client = CreateClient();

        // When waiting for Running
        var error = await Should.ThrowAsync<TimeoutException>(() => client.WaitForAsync<V1Pod>(Ns, "web-0", p => p.Status?.Phase == "Running", TimeSpan.FromMilliseconds(500), CancellationToken.None));

        // Then the message names the pod and the timeout
        error.Message.ShouldContain("'ns/web-0'");
        error.Message.ShouldContain("'00:00:00.5000000'");
    }
}
