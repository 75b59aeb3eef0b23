using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace ConformanceKit.Fixtures.Tests.Cli;

/// <summary>ck --version prints the one version of Version.props, the version the packages carry.</summary>
public sealed class VersionCommandTests
{
    [Test]
    public async Task Version_PrintsTheVersionOfVersionProps()
    {
        // Given the version written in Version.props
        var expected = RepositoryVersion();

        // When ck is asked for its version, both ways
        var (exit, stdout, stderr) = await CkProcess.RunAsync(null, "--version");
        var (verbExit, verbStdout, _) = await CkProcess.RunAsync(null, "version");

        // Then it prints that version (and the commit after a '+'), one line, exit 0
        exit.ShouldBe(0, stderr);
        verbExit.ShouldBe(0);
        var line = stdout.TrimEnd();
        line.Split('\n').Length.ShouldBe(1);
        line.ShouldMatch($@"^ck {System.Text.RegularExpressions.Regex.Escape(expected)}(\+[0-9a-f]+)?$");
        verbStdout.ShouldBe(stdout);
    }

    private static string RepositoryVersion([CallerFilePath] string path = "")
    {
        var props = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", "Version.props"));
        return XDocument.Load(props).Descendants("ConformanceKitVersion").Single().Value;
    }
}
