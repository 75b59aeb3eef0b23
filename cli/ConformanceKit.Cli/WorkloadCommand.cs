using ConformanceKit.Fixtures.Session;
using ConformanceKit.Scenarios.Workload;

namespace ConformanceKit.Cli;

/// <summary>
/// <c>ck workload validate --workload-manifest FILE [--workload-manifest FILE…] [--workload-name NAME]
/// [--workload-image-map FROM=TO…]</c>: checks the user's workload files without a cluster and prints what each
/// scenario would apply, which promises it can check and, last, warnings (Secrets and ConfigMaps the pod template
/// needs that the files do not hold; exit 0 all the same); bad input is one line and exit 2.
/// </summary>
internal static class WorkloadCommand
{
    public const string Help =
        "ck workload validate --workload-manifest FILE [--workload-manifest FILE...] [--workload-name NAME] [--workload-image-map FROM=TO...]\n" +
        "                       check your StatefulSet's files without a cluster: what each scenario changes, which promises it checks";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (args.Length == 0 || args[0] != "validate")
        {
            throw new CliUsageException($"use 'ck workload validate --workload-manifest FILE [--workload-name NAME] [--workload-image-map FROM=TO]'.");
        }

        var files = new List<string>();
        var images = new List<string>();
        string? name = null;
        for (var i = 1; i < args.Length; i++)
        {
            var flag = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new CliUsageException($"flag '{flag}' needs a value.");
            switch (flag)
            {
                case "--workload-manifest":
                    files.Add(value);
                    break;
                case "--workload-name":
                    name = value;
                    break;
                case "--workload-image-map":
                    images.Add(value);
                    break;
                default:
                    throw new CliUsageException($"unknown flag '{flag}' for 'ck workload validate'; known flags: --workload-manifest, --workload-name, --workload-image-map.");
            }
        }

        // The keys a run puts on what it creates; the values are the run's own, known only when it starts.
        var labels = new Dictionary<string, string>
        {
            [SessionLabels.Session] = "(run id)",
            [SessionLabels.Host] = "(host)",
            [SessionLabels.Pid] = "(pid)",
            [SessionLabels.ProcessStart] = "(process start)",
        };
        WorkloadPlan plan;
        try
        {
            plan = WorkloadPlan.Prepare(files, name, images, labels);
        }
        catch (WorkloadInputException problem)
        {
            throw new CliUsageException(problem.Message);
        }

        foreach (var line in plan.Summary())
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        return CkCommand.Ok;
    }
}
