using System.Reflection;

namespace ConformanceKit.Scenarios.Tests.Report;

/// <summary>The TRX file in Report/Data (see its README), found from the project's source folder.</summary>
internal static class RecordedResults
{
    public static string TrxPath
    {
        get
        {
            var source = typeof(RecordedResults).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .First(a => a.Key == "SourceDirectory").Value!;
            return Path.Combine(source, "Report", "Data", "nunit-results.trx");
        }
    }
}
