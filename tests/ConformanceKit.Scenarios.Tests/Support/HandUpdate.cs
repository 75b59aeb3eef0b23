using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Tests.Support;

/// <summary>
/// Hand-built update timelines (times in seconds after <see cref="Hand.T0"/>): web-0..2 at revision web-v1 created at
/// 0, 2, 4 and Ready a second later; the template changes to web-v2 at <see cref="ChangedAt"/>.
/// </summary>
internal static class HandUpdate
{
    public const string V1 = "web-v1", V2 = "web-v2";
    public const double ChangedAt = 9.5;

    public static PodHistory Pod(string name, string uid, double created, string revision, double? ready = null, double? deleted = null) =>
        Hand.Pod(name, uid, created, ready, deleted, deleted + 0.5) with { Revision = revision };

    public static StatefulSetObservation Status(double at, string current, string update, long generation = 2, long observed = 2, int? partition = 0) => new()
    {
        At = Hand.Observed(at),
        Generation = generation,
        ObservedGeneration = observed,
        StrategyType = "RollingUpdate",
        Partition = partition,
        CurrentRevision = current,
        UpdateRevision = update,
    };

    public static StatefulSetHistory Set(params StatefulSetObservation[] observations) =>
        new() { Name = "web", Uid = "set-uid", Created = Hand.Server(-1), Observations = observations };

    /// <summary>
    /// A roll replacing ordinals in <paramref name="order"/>: the k-th old pod is deleted at 10 + k × spacing, gone half a
    /// second later, its v2 replacement created right after and Ready 1.4 s after that. Spacing 3 waits for each
    /// replacement to be Ready; spacing 0 deletes everything at once. The set ends converged at v2.
    /// </summary>
    public static Timeline.Timeline Roll(int[] order, double spacing = 3, int? partition = 0, bool converged = true)
    {
        var pods = new List<PodHistory>();
        for (var ordinal = 0; ordinal < 3; ordinal++)
        {
            var k = Array.IndexOf(order, ordinal);
            pods.Add(Pod($"web-{ordinal}", $"old-{ordinal}", ordinal * 2, V1, ready: (ordinal * 2) + 1, deleted: k < 0 ? null : 10 + (k * spacing)));
        }

        for (var k = 0; k < order.Length; k++)
        {
            var t = 10 + (k * spacing);
            pods.Add(Pod($"web-{order[k]}", $"new-{order[k]}", t + 0.6, V2, ready: t + 2));
        }

        var end = 11 + (order.Length * Math.Max(spacing, 1));
        return new Timeline.Timeline
        {
            Pods = [.. pods.OrderBy(p => p.Created.Sequence)],
            StatefulSets = [Set(Status(5, V1, V1, 1, 1, partition), Status(9.8, V1, V2, 2, 2, partition), Status(end, converged ? V2 : V1, V2, 2, 2, partition))],
            Steps = [new TimelineStep("applied template change", Hand.At(ChangedAt))],
        };
    }

    /// <summary>
    /// OnDelete: the template changes at 9.5 (generation 2, synced at 9.8) and nothing happens; the test deletes web-1 at
    /// <see cref="DeletedAt"/> and it comes back at <paramref name="backAt"/>'s revision, Ready at 17.
    /// </summary>
    public static Timeline.Timeline OnDelete(string backAt = V2, long observed = 2) => new()
    {
        Pods =
        [
            Pod("web-0", "old-0", 0, V1, ready: 1), Pod("web-1", "old-1", 2, V1, ready: 3, deleted: 15.1), Pod("web-2", "old-2", 4, V1, ready: 5),
            Pod("web-1", "new-1", 15.7, backAt, ready: 17),
        ],
        StatefulSets = [Set(Status(5, V1, V1, 1, 1) with { StrategyType = "OnDelete" }, Status(9.8, V1, V2, 2, observed) with { StrategyType = "OnDelete" })],
    };

    public const double DeletedAt = 15;
    public const double RolledBackAt = 19.5;

    /// <summary>
    /// A rollback: <see cref="Roll"/> from v1 to v2, then at <see cref="RolledBackAt"/> the template reverts and the v2 pods
    /// are replaced in <paramref name="order"/> (3 s apart) by pods at <paramref name="back"/>. ControllerRevisions web-v1
    /// (number 1, bumped to 3 when <paramref name="bump"/>), web-v2 (2), and web-v3 (3) when <paramref name="back"/> is v3.
    /// </summary>
    public static Timeline.Timeline Reverted(int[] order, string back = V1, bool bump = true)
    {
        var rolled = Roll([2, 1, 0]);
        var pods = rolled.Pods.Select(p => p.Revision == V2
            ? p with { TerminationRequested = Hand.Server(20 + (Array.IndexOf(order, p.Ordinal!.Value) * 3)), Gone = Hand.Observed(20.5 + (Array.IndexOf(order, p.Ordinal!.Value) * 3)) }
            : p).ToList();
        for (var k = 0; k < order.Length; k++)
        {
            pods.Add(Pod($"web-{order[k]}", $"back-{order[k]}", 20.6 + (k * 3), back, ready: 22 + (k * 3)));
        }

        List<ControllerRevisionHistory> revisions =
        [
            Revision(V1, "cr-1", bump && back == V1 ? [1, 3] : [1]),
            Revision(V2, "cr-2", [2]),
        ];
        if (back != V1)
        {
            revisions.Add(Revision(back, "cr-3", [3]));
        }

        return rolled with
        {
            Pods = [.. pods.OrderBy(p => p.Created.Sequence)],
            StatefulSets = [Set([.. rolled.StatefulSets[0].Observations.Where(o => o.At.Observed < Hand.At(RolledBackAt)), Status(19.8, V2, back, 3, 3), Status(30, back, back, 3, 3)])],
            ControllerRevisions = revisions,
            Steps = [.. rolled.Steps, new TimelineStep("rolled back", Hand.At(RolledBackAt))],
        };
    }

    public static ControllerRevisionHistory Revision(string name, string uid, long[] numbers) => new()
    {
        Name = name,
        Uid = uid,
        Created = Hand.Server(numbers[0]),
        Hash = name[(name.IndexOf('-', StringComparison.Ordinal) + 1)..],
        Owner = "web",
        Numbers = [.. numbers.Select(n => new RevisionNumber(n, Hand.Observed(n)))],
    };
}
