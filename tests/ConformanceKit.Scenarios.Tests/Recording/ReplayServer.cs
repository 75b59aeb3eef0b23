using ConformanceKit.TestSupport.Loopback;
using Microsoft.AspNetCore.Http;

namespace ConformanceKit.Scenarios.Tests.Recording;

/// <summary>Scripts the loopback API server with list answers and watch scripts for one namespaced resource.</summary>
internal static class ReplayServer
{
    /// <summary>
    /// Successive LIST requests get successive <paramref name="lists"/> (the last repeats); successive WATCH
    /// requests get successive <paramref name="watches"/>, then a watch that stays open without events until the
    /// client hangs up (so a finished script is never replayed twice).
    /// </summary>
    public static void MapResource(
        LoopbackApiServer server, string path, string listKind, IReadOnlyList<(string ResourceVersion, IReadOnlyList<string> Items)> lists,
        params WatchScript[] watches)
    {
        // Watches first: a later route wins, and the list route (with its predicate) must win for plain GETs.
        var idle = new WatchScript().WaitFor(new TaskCompletionSource().Task);
        server.MapSequence("GET", path, [.. watches.Append(idle).Select(Respond.Watch)]);
        var listCount = -1;
        server.Map("GET", path, context =>
        {
            var index = Math.Min(Interlocked.Increment(ref listCount), lists.Count - 1);
            var (rv, items) = lists[index];
            return Respond.List(listKind, rv, null, [.. items])(context);
        }, when: r => !IsWatch(r));
    }

    public static WatchScript Script(IEnumerable<string> lines)
    {
        var script = new WatchScript();
        foreach (var line in lines)
        {
            script.Line(line);
        }

        return script;
    }

    private static bool IsWatch(HttpRequest request) =>
        request.Query.TryGetValue("watch", out var value) && value.ToString() is "1" or "true";
}
