using System.Text.Json;
using ConformanceKit.Scenarios.Storage;

namespace ConformanceKit.Scenarios.Report;

/// <summary>
/// The <c>storage</c> object of summary.json: the classes, per class and metric n/p50/p95/max, the gates over all of a
/// class's samples, and every raw sample with the scenario that took it.
/// </summary>
internal static class StorageSummaryJson
{
    public static void Write(Utf8JsonWriter json, IReadOnlyList<TestOutcome> outcomes)
    {
        var scenarios = outcomes.Where(o => o.Scenario?.Storage is not null).Select(o => (o.FullName, Evidence: o.Scenario!.Storage!)).ToList();
        if (scenarios.Count == 0)
        {
            return;
        }

        var run = StorageRunEvidence.From(scenarios.Select(s => s.Evidence));
        json.WriteStartObject("storage");
        json.WriteStartArray("classes");
        foreach (var c in run.Classes)
        {
            json.WriteStartObject();
            json.WriteString("name", c.Name);
            json.WriteString("provisioner", c.Provisioner);
            json.WriteString("volumeBindingMode", c.BindingMode);
            json.WriteString("reclaimPolicy", c.ReclaimPolicy);
            json.WriteBoolean("allowVolumeExpansion", c.AllowVolumeExpansion);
            json.WriteBoolean("default", c.IsDefault);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("summaries");
        foreach (var s in LatencySummary.Of(run.Samples))
        {
            json.WriteStartObject();
            json.WriteString("class", s.StorageClass);
            json.WriteString("metric", StorageMetricNames.Key(s.Metric));
            json.WriteNumber("n", s.N);
            json.WriteBoolean("enoughToGate", s.N >= LatencyGate.MinimumSamples);
            json.WriteNumber("p50Seconds", Math.Round(s.P50, 3));
            json.WriteNumber("p95Seconds", Math.Round(s.P95, 3));
            json.WriteNumber("maxSeconds", Math.Round(s.Max, 3));
            json.WriteString("clock", s.ClockText);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("gates");
        foreach (var g in run.GateResults())
        {
            json.WriteStartObject();
            json.WriteString("class", g.StorageClass);
            json.WriteString("gate", g.Gate.Label);
            json.WriteNumber("maxSeconds", g.Gate.MaxSeconds);
            json.WriteNumber("n", g.N);
            json.WriteBoolean("passed", g.Result.Passed);
            json.WriteString("outcome", g.Result.Passed ? "passed" : g.TooFewSamples ? "error" : "violation");
            json.WriteString("message", g.Result.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("samples");
        foreach (var (scenario, evidence) in scenarios)
        {
            foreach (var sample in evidence.Samples)
            {
                json.WriteStartObject();
                json.WriteString("scenario", scenario);
                json.WriteString("class", sample.StorageClass);
                json.WriteString("metric", StorageMetricNames.Key(sample.Metric));
                json.WriteString("subject", sample.Subject);
                json.WriteNumber("seconds", Math.Round(sample.Seconds, 3));
                json.WriteString("clock", sample.Clock.ToString().ToLowerInvariant());
                json.WriteString("span", sample.Span);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
