using System.Reflection;

namespace ConformanceKit.Scenarios.Tests.Dns;

/// <summary>The busybox outputs in Dns/Data (see its README), found from the project's source folder.</summary>
internal static class DnsData
{
    public static string Text(string file)
    {
        var source = typeof(DnsData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "SourceDirectory").Value!;
        return File.ReadAllText(Path.Combine(source, "Dns", "Data", file));
    }
}
