using System.Diagnostics;
using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Storage;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Storage;

public sealed class DataIntegrityTests
{
    // What `yes 'ck web-0 run1' | head -c 1048576 | sha256sum` prints with coreutils and with busybox.
    private const string Web0Digest = "3bd1c5ba7f12145ae60b9895a4a9c20354312f8df2c4838b299a498f56c9e7f0";
    private const string Web1Digest = "0784f7aa2680eeeae8403124ededfc0e428a6d79b3e95e7d823d358132f7d563";

    private static readonly Dictionary<string, DataFile> Written = new()
    {
        ["web-0"] = DataFile.For("web-0", "run1"),
        ["web-1"] = DataFile.For("web-1", "run1"),
    };

    private static string Line(string digest, string path) => $"{digest}  {path}\n";

    [Test]
    public void DataFile_KnownContent_HasTheDigestShellToolsPrint()
    {
        // Given / When / Then
        Written["web-0"].Sha256.ShouldBe(Web0Digest);
        Written["web-1"].Sha256.ShouldBe(Web1Digest);
        Written["web-0"].Path.ShouldBe("/data/ck-web-0.bin");
        Written["web-0"].Content().Length.ShouldBe(1 << 20);
    }

    [Test]
    public void DataFile_WriteAndListCommands_RunBySh_WriteTheKnownFileAndListIt()
    {
        // Given the commands with /data moved to a temporary folder
        var dir = Directory.CreateTempSubdirectory("ck-data-").FullName;
        try
        {
            string Run(IReadOnlyList<string> command) => Sh(command[2].Replace(DataFile.Folder + "/", dir + "/", StringComparison.Ordinal));

            // When web-0's file is written, then the volume listed
            var written = Run(Written["web-0"].WriteCommand);
            var listed = Run(DataFile.ListCommand);

            // Then both print the known digest of the file
            DigestListing.Parse(written).ShouldBe(new Dictionary<string, string> { [$"{dir}/ck-web-0.bin"] = Web0Digest });
            DigestListing.Parse(listed).ShouldBe(new Dictionary<string, string> { [$"{dir}/ck-web-0.bin"] = Web0Digest });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void DataFile_TokenWithShellCharacters_IsRefused()
    {
        // Given / When / Then
        Should.Throw<ArgumentException>(() => DataFile.For("web-0", "x'; rm -rf /")).Message.ShouldContain("letters, digits and dashes");
    }

    [Test]
    public void Check_EachPodHoldsOnlyItsOwnFile_Passes()
    {
        // Given each pod lists its own file with its digest (binary-mode asterisk on one)
        var listings = new Dictionary<string, string> { ["web-0"] = Line(Web0Digest, "/data/ck-web-0.bin"), ["web-1"] = $"{Web1Digest} */data/ck-web-1.bin\n" };

        // When / Then
        DataIntegrity.Check("after the force deletion", Written, listings).ShouldPass();
    }

    [Test]
    public void Check_PodSeesAnotherPodsFile_FailsNamingTheOwner()
    {
        // Given web-0's volume also holds web-1's file
        var listings = new Dictionary<string, string>
        {
            ["web-0"] = Line(Web0Digest, "/data/ck-web-0.bin") + Line(Web1Digest, "/data/ck-web-1.bin"),
            ["web-1"] = Line(Web1Digest, "/data/ck-web-1.bin"),
        };

        // When / Then
        DataIntegrity.Check("after re-attach", Written, listings).ShouldFail("web-0 sees web-1's file /data/ck-web-1.bin after re-attach");
    }

    [Test]
    public void Check_ChangedOrLostFile_Fails()
    {
        // Given web-0's file with a different digest, and (second case) web-1's file missing
        var changed = new Dictionary<string, string> { ["web-0"] = Line(Web1Digest, "/data/ck-web-0.bin"), ["web-1"] = Line(Web1Digest, "/data/ck-web-1.bin") };
        var lost = new Dictionary<string, string> { ["web-0"] = Line(Web0Digest, "/data/ck-web-0.bin"), ["web-1"] = "" };

        // When / Then
        DataIntegrity.Check("after restart", Written, changed).ShouldFail("web-0's /data/ck-web-0.bin has sha256 0784f7aa2680…, expected 3bd1c5ba7f12…");
        DataIntegrity.Check("after restart", Written, lost).ShouldFail("web-1 lost its file /data/ck-web-1.bin after restart");
    }

    [Test]
    public void DigestListing_ErrorsAndShortLines_AreIgnored()
    {
        // Given sha256sum output mixed with an error line and a truncated digest
        var text = "sha256sum: /data/ck-x.bin: No such file or directory\nabc  /data/short\n" + Line(Web0Digest.ToUpperInvariant(), "/data/ck-web-0.bin");

        // When / Then
        DigestListing.Parse(text).ShouldBe(new Dictionary<string, string> { ["/data/ck-web-0.bin"] = Web0Digest });
    }

    private static string Sh(string script)
    {
        using var process = Process.Start(new ProcessStartInfo("sh", ["-c", script]) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, script);
        return output;
    }
}
