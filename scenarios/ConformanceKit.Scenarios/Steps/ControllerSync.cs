using System.Globalization;
using System.Text.Json;

namespace ConformanceKit.Scenarios.Steps;

/// <summary>
/// The pieces of a controller sync barrier: a change to <c>spec.revisionHistoryLimit</c> (it bumps
/// metadata.generation but touches neither the pod template nor the revisions, so no pod is replaced), and the
/// generation the controller must then report in <c>status.observedGeneration</c>.
/// </summary>
internal static class ControllerSync
{
    /// <summary>The history limit a StatefulSet gets when spec.revisionHistoryLimit is unset.</summary>
    public const int DefaultHistoryLimit = 10;

    /// <summary>A merge patch that changes the history limit of <paramref name="current"/> (10 ↔ 11), so the generation moves.</summary>
    public static string TogglePatch(JsonElement current)
    {
        var limit = current.TryGetProperty("spec", out var spec) && spec.TryGetProperty("revisionHistoryLimit", out var value)
            && value.TryGetInt32(out var n) ? n : DefaultHistoryLimit;
        var next = limit == DefaultHistoryLimit ? DefaultHistoryLimit + 1 : DefaultHistoryLimit;
        return string.Create(CultureInfo.InvariantCulture, $$$"""{"spec":{"revisionHistoryLimit":{{{next}}}}}""");
    }

    /// <summary>metadata.generation of a stored object; throws naming the object when it has none.</summary>
    public static long Generation(JsonElement stored) =>
        stored.TryGetProperty("metadata", out var meta) && meta.TryGetProperty("generation", out var g) && g.TryGetInt64(out var n)
            ? n
            : throw new InvalidOperationException($"the server's answer has no metadata.generation: {Shorten(stored.GetRawText())}");

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
