using ConformanceKit.Scenarios.Report;

namespace ConformanceKit.Cli;

/// <summary>Entry of <c>ck</c>: every failure ends in one line on standard error and a non-zero exit, never a stack trace.</summary>
internal static class CkCommand
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            using var interrupt = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                interrupt.Cancel();
            };
            var verb = args.Length == 0 ? "help" : args[0];
            switch (verb)
            {
                case "preflight":
                    return await PreflightCommand.RunAsync(CliArguments.Parse(args[1..]), output, interrupt.Token).ConfigureAwait(false);
                case "sweep":
                    return await SweepCommand.RunAsync(CliArguments.Parse(args[1..]), output, interrupt.Token).ConfigureAwait(false);
                case "report":
                    return await ReportCommand.RunAsync(args[1..], output).ConfigureAwait(false);
                case "workload":
                    return await WorkloadCommand.RunAsync(args[1..], output).ConfigureAwait(false);
                case "version" or "--version":
                    // The assembly's informational version: Version.props's ConformanceKitVersion (the packages' version) and the commit.
                    await output.WriteLineAsync($"ck {ToolVersionInfo.Current}").ConfigureAwait(false);
                    return Ok;
                case "help" or "--help" or "-h":
                    await output.WriteLineAsync(CliArguments.HelpText + "\n" + WorkloadCommand.Help).ConfigureAwait(false);
                    return Ok;
                default:
                    await error.WriteLineAsync($"ck: unknown command '{verb}'; use 'ck preflight [flags]', 'ck sweep', 'ck report' or 'ck workload validate' ('ck help' lists the flags).").ConfigureAwait(false);
                    return Usage;
            }
        }
        catch (CliUsageException problem)
        {
            await error.WriteLineAsync(OneLine($"ck: {problem.Message}")).ConfigureAwait(false);
            return Usage;
        }
        catch (Exception problem)
        {
            await error.WriteLineAsync(OneLine($"ck: {Describe(problem)}")).ConfigureAwait(false);
            return Failed;
        }
    }

    internal static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Describe(Exception problem) => problem switch
    {
        OperationCanceledException => "interrupted.",
        ArgumentException or FormatException or InvalidOperationException or IOException => problem.Message,
        _ when problem.GetType().Namespace?.StartsWith("ConformanceKit", StringComparison.Ordinal) == true => problem.Message,
        _ => $"{problem.GetType().Name}: {problem.Message}",
    };
}
