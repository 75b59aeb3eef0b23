using System.Reflection;

namespace ConformanceKit.Scenarios.Report;

/// <summary>ConformanceKit's version: the assembly's informational version, which the SDK ends with <c>+&lt;git commit&gt;</c>.</summary>
public static class ToolVersionInfo
{
    /// <summary>e.g. <c>1.0.0+51f9c27…</c>; the commit is shortened to 12 characters.</summary>
    public static string Current { get; } = Shorten(
        typeof(ToolVersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");

    internal static string Shorten(string version)
    {
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 || version.Length - plus - 1 <= 12 ? version : version[..(plus + 13)];
    }
}
