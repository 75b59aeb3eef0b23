using System.Runtime.InteropServices;
using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Fixtures.Tests.Session;

public sealed class InterruptNoteTests
{
    private static readonly ConformanceOptions Existing = ConformanceOptions.Default with { Cluster = ClusterKind.Kubeconfig };

    [Test]
    public void ExistingCluster_NamesTheNamespacesAndClassesItRemoved()
    {
        // Given / When a kubeconfig run stopped by SIGTERM after removing two namespaces and a class
        var line = InterruptNote.Describe(PosixSignal.SIGTERM, Existing, ["ck-a-1", "ck-b-2", "storageclass/ck-manual-a"], []);

        // Then
        line.ShouldBe("interrupted by SIGTERM: removed namespaces ck-a-1, ck-b-2 and storage classes ck-manual-a");
    }

    [Test]
    public void EphemeralCluster_SaysTheNamespacesWentWithTheCluster()
    {
        // Given / When a k3s run stopped by Ctrl-C with two namespaces still open
        var line = InterruptNote.Describe(PosixSignal.SIGINT, ConformanceOptions.Default, [], ["ck-a-1", "ck-b-2"]);

        // Then
        line.ShouldBe("interrupted by SIGINT: removed the k3s cluster and with it namespaces ck-a-1, ck-b-2");
    }

    [Test]
    public void FailedCleanup_NamesWhatIsLeft_AndTheSweepThatRemovesIt()
    {
        // Given / When a run whose cleanup ran out of time after Ctrl-C with two namespaces open
        var line = InterruptNote.DescribeFailure(PosixSignal.SIGINT, ["ck-a-1", "ck-b-2"], "it did not finish within 7 s");

        // Then the line does not claim a removal, and says what removes the rest
        line.ShouldBe("interrupted by SIGINT: could not remove namespaces ck-a-1, ck-b-2 (it did not finish within 7 s); the next run's sweep or 'ck sweep' removes them");
        line.ShouldNotContain("removed namespaces");
    }

    [Test]
    public void KeptNamespaces_AreNamedAsKept_NotAsRemoved()
    {
        // Given / When a run asked to keep its namespaces
        var line = InterruptNote.Describe(PosixSignal.SIGINT, Existing with { KeepNamespaces = true }, [], ["ck-a-1"]);

        // Then
        line.ShouldBe("interrupted by SIGINT: kept namespaces ck-a-1 as asked (--keep-namespaces / --keep-failed)");
    }

    [Test]
    public void Write_NamedNoteFile_HoldsTheLine()
    {
        // Given a note file named by CK_INTERRUPT_NOTE
        var file = Path.Combine(Directory.CreateTempSubdirectory("ck-note-").FullName, "interrupted.txt");
        var before = Environment.GetEnvironmentVariable(InterruptNote.FileVariable);
        Environment.SetEnvironmentVariable(InterruptNote.FileVariable, file);
        try
        {
            // When
            InterruptNote.Write("interrupted by SIGINT: removed namespaces ck-a-1");

            // Then
            File.ReadAllText(file).Trim().ShouldBe("interrupted by SIGINT: removed namespaces ck-a-1");
        }
        finally
        {
            Environment.SetEnvironmentVariable(InterruptNote.FileVariable, before);
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }
}
