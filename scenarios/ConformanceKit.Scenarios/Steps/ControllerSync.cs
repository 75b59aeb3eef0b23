using System.Globalization;
using System.Text.Json;

namespace ConformanceKit.Scenarios.Steps;

/// <summary>
/// The pieces of a controller sync barrier: two merge patches of <c>spec.updateStrategy.rollingUpdate.partition</c>
/// (away from its value and back), each bumping metadata.generation, and the generation the controller must then
/// report in <c>status.observedGeneration</c>.
/// <para>
/// Why this field: v1.26 forbids updates to every StatefulSet spec field but replicas, template, updateStrategy,
/// persistentVolumeClaimRetentionPolicy and minReadySeconds. Of those, replicas and template change the pods,
/// minReadySeconds gates OrderedReady creation on availability, and persistentVolumeClaimRetentionPolicy is dropped
/// (no generation bump) where its alpha gate is off. The partition only decides which revision a pod of ordinal ≥ it
/// gets when the set's current and update revisions differ; with one revision every pod gets that revision whatever
/// the partition, and the revision hash covers the template alone, so no ControllerRevision is made either. The
/// barrier therefore refuses sets in the middle of an update and sets with the OnDelete strategy (which has no
/// rollingUpdate), and restores the partition it found.
/// </para>
/// </summary>
internal static class ControllerSync
{
    /// <summary>
    /// The two patches for <paramref name="current"/> (the stored set): partition p → p±1, then back to p. Throws
    /// <see cref="InvalidOperationException"/> naming the reason when the set is mid-update or uses OnDelete.
    /// </summary>
    public static (string Away, string Back) BarrierPatches(JsonElement current)
    {
        var name = Name(current);
        var strategy = Path(current, "spec", "updateStrategy");
        var type = strategy is { } s && s.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type is not (null or "RollingUpdate"))
        {
            throw new InvalidOperationException(
                $"the controller sync barrier needs a RollingUpdate StatefulSet, but {name} has updateStrategy.type '{type}'");
        }

        var currentRevision = Path(current, "status", "currentRevision")?.GetString();
        var updateRevision = Path(current, "status", "updateRevision")?.GetString();
        if (currentRevision != updateRevision)
        {
            throw new InvalidOperationException(
                $"the controller sync barrier cannot be used on {name} during an update (currentRevision '{currentRevision}', " +
                $"updateRevision '{updateRevision}'): its partition would then decide which revision pods get");
        }

        var partition = Path(current, "spec", "updateStrategy", "rollingUpdate", "partition") is { ValueKind: JsonValueKind.Number } p
            && p.TryGetInt32(out var n) ? n : 0;
        var away = partition % 2 == 0 ? partition + 1 : partition - 1;
        return (PartitionPatch(away), PartitionPatch(partition));
    }

    /// <summary>A merge patch that sets <c>spec.updateStrategy.rollingUpdate.partition</c> only.</summary>
    public static string PartitionPatch(int partition) =>
        """{"spec":{"updateStrategy":{"rollingUpdate":{"partition":""" + partition.ToString(CultureInfo.InvariantCulture) + "}}}}";

    /// <summary>metadata.generation of a stored object; throws naming the object when it has none.</summary>
    public static long Generation(JsonElement stored) =>
        Path(stored, "metadata", "generation") is { ValueKind: JsonValueKind.Number } g && g.TryGetInt64(out var n)
            ? n
            : throw new InvalidOperationException($"the server's answer has no metadata.generation: {Shorten(stored.GetRawText())}");

    private static string Name(JsonElement stored) =>
        $"statefulset {Path(stored, "metadata", "namespace")?.GetString()}/{Path(stored, "metadata", "name")?.GetString()}";

    private static JsonElement? Path(JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
