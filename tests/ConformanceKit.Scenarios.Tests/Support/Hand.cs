using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Tests.Support;

/// <summary>Hand-built timelines: times are seconds after <see cref="T0"/>; observed = server + 0.2 s.</summary>
internal static class Hand
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(double seconds) => T0 + TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));

    /// <summary>The same instant as a UTC DateTime, as the package's models carry it.</summary>
    public static DateTime Time(double seconds) => At(seconds).UtcDateTime;

    public static Instant Server(double seconds) => new(At(seconds), At(seconds + 0.2), (long)(seconds * 1000));

    public static Instant Observed(double seconds) => new(null, At(seconds + 0.2), (long)(seconds * 1000));

    public static PodHistory Pod(string name, string uid, double created, double? ready = null, double? deleted = null, double? gone = null,
        string? ip = null, string? claim = null, string? subdomain = "web") => new()
    {
        Name = name,
        Uid = uid,
        Ordinal = PodHistory.ParseOrdinal(name),
        Created = Server(created),
        Scheduled = Server(created + 0.5),
        Running = ready is null ? null : Server(ready.Value - 0.5),
        Ready = ready is null ? null : Server(ready.Value),
        ReadyTransitions = ready is null ? [] : [new ReadyTransition(false, Server(created + 0.5)), new ReadyTransition(true, Server(ready.Value))],
        TerminationRequested = deleted is null ? null : Server(deleted.Value),
        Gone = gone is null ? null : Observed(gone.Value),
        Ips = ip is null ? [] : [ip],
        Hostname = name,
        Subdomain = subdomain,
        ClaimNames = claim is null ? [] : [claim],
    };

    public static ClaimHistory Claim(string name, string uid, double created, string volume, double? bound = null, double? deleted = null) => new()
    {
        Name = name,
        Uid = uid,
        Created = Server(created),
        StorageClass = "standard",
        Phases = [new PhaseChange("Pending", Observed(created)), new PhaseChange("Bound", Observed(bound ?? created + 1))],
        VolumeNames = [volume],
        TerminationRequested = deleted is null ? null : Observed(deleted.Value),
    };

    /// <summary>web-0..2 created in order, each after the previous is Ready (3 s apart), deleted 2, 1, 0 from t=20.</summary>
    public static Timeline.Timeline OrderedLifecycle() => new()
    {
        Pods =
        [
            Pod("web-0", "uid-a0", 0, ready: 2, deleted: 26, gone: 27, ip: "10.0.0.1", claim: "data-web-0"),
            Pod("web-1", "uid-a1", 2, ready: 5, deleted: 23, gone: 25, ip: "10.0.0.2", claim: "data-web-1"),
            Pod("web-2", "uid-a2", 5, ready: 8, deleted: 20, gone: 22, ip: "10.0.0.3", claim: "data-web-2"),
        ],
        Claims = [Claim("data-web-0", "c0", 0, "pv-0"), Claim("data-web-1", "c1", 2, "pv-1"), Claim("data-web-2", "c2", 5, "pv-2")],
        Steps = [new TimelineStep("applied statefulset", At(-0.5)), new TimelineStep("scaled to 0", At(19.5))],
    };

    /// <summary>The Parallel policy: all pods created together and deleted together.</summary>
    public static Timeline.Timeline ParallelLifecycle() => new()
    {
        Pods =
        [
            Pod("web-0", "uid-p0", 0, ready: 3, deleted: 20, gone: 22),
            Pod("web-1", "uid-p1", 0, ready: 3, deleted: 20, gone: 22.5),
            Pod("web-2", "uid-p2", 0, ready: 4, deleted: 20, gone: 21.5),
        ],
    };
}
