namespace ConformanceKit.Cli;

/// <summary>The command line itself is wrong (unknown flag, missing value).</summary>
internal sealed class CliUsageException(string message) : Exception(message);
