using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ConformanceKit.TestSupport.Loopback;

/// <summary>
/// One stored StatefulSet answering merge PATCHes the way a v1.26 API server validates them: the patch is merged
/// (RFC 7386) into the stored object; a change to any spec field other than replicas, template, updateStrategy,
/// persistentVolumeClaimRetentionPolicy and minReadySeconds gets the recorded 422 answer
/// (<c>api-responses/patch-statefulset-immutable-field.422.http</c>) and changes nothing; any other spec change bumps
/// metadata.generation and answers 200 with the stored object.
/// </summary>
public sealed class V126StatefulSetStore
{
    /// <summary>The spec fields a v1.26 server lets an update change.</summary>
    public static readonly IReadOnlySet<string> UpdatableSpecFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "replicas", "template", "updateStrategy", "persistentVolumeClaimRetentionPolicy", "minReadySeconds",
    };

    private readonly Lock gate = new();
    private JsonObject stored;

    /// <summary>Starts with <paramref name="json"/> as the stored object.</summary>
    public V126StatefulSetStore(string json) =>
        stored = JsonNode.Parse(json)?.AsObject() ?? throw new ArgumentException("the stored StatefulSet must be a JSON object", nameof(json));

    /// <summary>The stored object now.</summary>
    public string Json
    {
        get
        {
            lock (gate)
            {
                return stored.ToJsonString();
            }
        }
    }

    /// <summary>Every patch that was refused, in order.</summary>
    public List<string> Refused { get; } = [];

    /// <summary>The recorded 422 a v1.26 server sent for a forbidden StatefulSet spec update.</summary>
    public static HttpRecording Forbidden => HttpRecording.LoadApiResponse("patch-statefulset-immutable-field.422.http");

    /// <summary>The PATCH handler: merges, validates, stores and answers.</summary>
    public LoopbackHandler Patch => async context =>
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var (code, answer) = Apply(body);
        await Respond.Json(code, answer)(context);
    };

    /// <summary>Applies one merge patch; returns the status code and body the server would answer.</summary>
    public (int StatusCode, string Body) Apply(string mergePatch)
    {
        var patch = JsonNode.Parse(mergePatch) ?? throw new ArgumentException("the patch is not JSON", nameof(mergePatch));
        lock (gate)
        {
            var next = Merge(stored.DeepClone(), patch) as JsonObject ?? throw new ArgumentException("the patch does not leave an object", nameof(mergePatch));
            var before = stored["spec"] as JsonObject ?? [];
            var after = next["spec"] as JsonObject ?? [];
            var names = before.Select(p => p.Key).Union(after.Select(p => p.Key)).ToList();
            if (names.Any(n => !UpdatableSpecFields.Contains(n) && !JsonNode.DeepEquals(before[n], after[n])))
            {
                Refused.Add(mergePatch);
                return (Forbidden.StatusCode, Forbidden.Body);
            }

            if (!JsonNode.DeepEquals(before, after))
            {
                var meta = (JsonObject)next["metadata"]!;
                meta["generation"] = (meta["generation"]?.GetValue<long>() ?? 0) + 1;
            }

            stored = next;
            return (200, stored.ToJsonString());
        }
    }

    /// <summary>Sets status.observedGeneration to the stored generation (what the controller's sync writes).</summary>
    public string Observe()
    {
        lock (gate)
        {
            var status = stored["status"] as JsonObject ?? [];
            status["observedGeneration"] = stored["metadata"]?["generation"]?.GetValue<long>() ?? 0;
            stored["status"] = status;
            return stored.ToJsonString();
        }
    }

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Merge(result[name]?.DeepClone(), value);
            }
        }

        return result;
    }
}
