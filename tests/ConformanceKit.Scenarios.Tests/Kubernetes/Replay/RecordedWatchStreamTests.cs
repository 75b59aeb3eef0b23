using System.Text.Json;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;
using ConformanceKit.Scenarios.Tests.Kubernetes.Support;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Replay;

public sealed class RecordedWatchStreamTests : LoopbackTest
{
    private static IEnumerable<string> Streams(string kind) =>
        new[] { "ordered-lifecycle", "pending-immediate", "pending-wffc" }.Select(folder => Path.Combine(folder, $"{kind}.watch.jsonl"));

    private static string[] Lines(string file) => File.ReadAllLines(SharedData.RecordedFile(file)).Where(l => l.Length > 0).ToArray();

    [TestCaseSource(nameof(Streams), new object[] { "pods" })]
    public async Task RecordedPodStream_ReplayedThroughTheClient_YieldsEveryEvent(string file)
    {
        // Given the recorded pod watch stream, served in 700-byte chunks that cut objects anywhere
        var lines = Lines(file);
        var text = string.Join("\n", lines) + "\n";
        var chunks = text.Chunk(700).Select(c => new string(c)).ToArray();
        var ns = file.Split('/')[0];
        Server.MapWatch($"/api/v1/namespaces/{ns}/pods", Respond.Watch(new WatchScript().Chunks(chunks).HoldOpen()));
        using var client = CreateClient();

        // When every event is read
        var events = await Support.Streams.TakeAsync(ct => client.WatchAsync<V1Pod>(ns, new WatchOptions { ResourceVersion = "1" }, ct), lines.Length);

        // Then types and resourceVersions match the recording line by line, and object events carry what checks read
        var expected = lines.Select(l => JsonDocument.Parse(l).RootElement).Select((JsonElement e) => (
            e.GetProperty("type").GetString()!, (string?)e.GetProperty("object").GetProperty("metadata").GetProperty("resourceVersion").GetString())).ToList();
        events.Select(e => (e.Type.ToString().ToUpperInvariant(), e.ResourceVersion)).ShouldBe(expected);
        events.Where(e => e.Type != WatchEventType.Bookmark).ShouldAllBe(e =>
            e.Object!.Metadata.Name != null && e.Object.Metadata.Uid != null && e.Object.Status!.Phase != null);
    }

    [Test]
    public void OrderedLifecyclePods_Decode_WithReadinessAndAddresses()
    {
        // Given the ordered-lifecycle pod events
        var events = Lines(Path.Combine("ordered-lifecycle", "pods.watch.jsonl")).Select(l => JsonDocument.Parse(l)).ToList();

        // When the pod objects are decoded
        var pods = events.Where(e => e.RootElement.GetProperty("type").GetString() != "BOOKMARK")
            .Select(e => KubernetesJson.Deserialize<V1Pod>(e.RootElement.GetProperty("object"))).ToList();

        // Then ready conditions, pod IPs, deletion timestamps and owner references are all seen
        pods.ShouldContain(p => (p.Status!.Conditions ?? new List<V1PodCondition>()).Any(c => c.Type == "Ready" && c.Status == "True"));
        pods.ShouldContain(p => p.Status!.PodIP != null);
        pods.ShouldContain(p => p.Metadata.DeletionTimestamp != null);
        var web = pods.Where(p => p.Metadata.Name!.StartsWith("web-", StringComparison.Ordinal)).ToList();
        web.ShouldAllBe(p => (p.Metadata.OwnerReferences ?? new List<V1OwnerReference>()).Any(o => o.Kind == "StatefulSet" && o.Name == "web"));
        web.Select(p => p.Metadata.Name).Distinct().Order().ShouldBe(["web-0", "web-1", "web-2"]);
    }

    [TestCaseSource(nameof(Streams), new object[] { "pvcs" })]
    public void RecordedClaimStream_EveryEventDecodes(string file)
    {
        // Given/When every recorded PVC event is decoded
        var claims = Lines(file).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("type").GetString() != "BOOKMARK")
            .Select(e => KubernetesJson.Deserialize<V1PersistentVolumeClaim>(e.GetProperty("object"))).ToList();

        // Then each has a name, a class and a phase
        claims.ShouldNotBeEmpty();
        claims.ShouldAllBe(c => c.Metadata.Name != null && c.Spec!.StorageClassName != null && c.Status!.Phase != null);
    }

    [TestCaseSource(nameof(Streams), new object[] { "events" })]
    public void RecordedEventStream_EveryEventDecodes(string file)
    {
        // Given/When every recorded Event is decoded
        var recorded = Lines(file).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("type").GetString() != "BOOKMARK")
            .Select(e => KubernetesJson.Deserialize<Corev1Event>(e.GetProperty("object"))).ToList();

        // Then each names its reason and the object it is about
        recorded.ShouldNotBeEmpty();
        recorded.ShouldAllBe(e => e.Reason != null && e.InvolvedObject!.Kind != null && e.InvolvedObject.Name != null);
    }
}
