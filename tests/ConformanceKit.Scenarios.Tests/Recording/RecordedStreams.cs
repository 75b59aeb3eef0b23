using System.Text.Json;
using ConformanceKit.TestSupport.Loopback;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests.Recording;

/// <summary>
/// The watch lines of one recorded scenario: recorded-k8s-1.26/&lt;scenario&gt;/*.watch.jsonl, or, for a scenario given as
/// a path below the shared folder (<c>recorded-k8s-1.28/liveness-restart</c>), that folder's; the namespace is the folder's name.
/// </summary>
internal sealed class RecordedStreams(string scenario)
{
    public string Namespace => scenario.Contains('/', StringComparison.Ordinal) ? scenario[(scenario.LastIndexOf('/') + 1)..] : scenario;

    public IReadOnlyList<string> Lines(string resource) =>
        File.ReadAllLines(scenario.Contains('/', StringComparison.Ordinal)
                ? SharedData.RecordedFile([.. $"../{scenario}".Split('/'), $"{resource}.watch.jsonl"])
                : SharedData.RecordedFile(scenario, $"{resource}.watch.jsonl"))
            .Where(l => l.Length > 0).ToList();

    public static (string Type, JsonElement Object) Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        return (document.RootElement.GetProperty("type").GetString()!, document.RootElement.GetProperty("object").Clone());
    }

    public static string ObjectJson(string line) => Parse(line).Object.GetRawText();

    public static string ResourceVersion(string line) =>
        Parse(line).Object.GetProperty("metadata").GetProperty("resourceVersion").GetString()!;

    /// <summary>The objects that exist after the first <paramref name="count"/> lines (latest version of each UID).</summary>
    public static IReadOnlyList<string> StateAfter(IReadOnlyList<string> lines, int count)
    {
        var state = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var line in lines.Take(count))
        {
            var (type, obj) = Parse(line);
            if (type == "BOOKMARK")
            {
                continue;
            }

            var uid = obj.GetProperty("metadata").GetProperty("uid").GetString()!;
            if (type == "DELETED")
            {
                state.Remove(uid);
                order.Remove(uid);
            }
            else
            {
                if (!state.ContainsKey(uid))
                {
                    order.Add(uid);
                }

                state[uid] = obj.GetRawText();
            }
        }

        return order.Select(uid => state[uid]).ToList();
    }

    /// <summary>The typed events of a stream, stamped with consecutive observer times (the un-interrupted reference).</summary>
    public static IEnumerable<WatchEvent<T>> Typed<T>(IReadOnlyList<string> lines) where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var start = DateTimeOffset.UnixEpoch;
        var i = 0;
        foreach (var line in lines)
        {
            var (type, obj) = Parse(line);
            if (type == "BOOKMARK")
            {
                continue;
            }

            var kind = Enum.Parse<WatchEventType>(type, ignoreCase: true);
            yield return new WatchEvent<T>(kind, KubernetesJson.Deserialize<T>(obj), null, start.AddMilliseconds(i++));
        }
    }
}
