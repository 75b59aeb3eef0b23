using ConformanceKit.Scenarios.Storage;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Storage;

public sealed class SampleRoundsTests
{
    [Test]
    public void Plan_TwentySamplesFiveWide_IsFourRoundsOverOrdinalsOneToFive()
    {
        // Given / When
        var rounds = SampleRounds.Plan(20);

        // Then every round disrupts web-1..web-5 at once, web-0 never, and the rounds add up to exactly 20 samples
        rounds.Count.ShouldBe(4);
        rounds.ShouldAllBe(r => r.SequenceEqual(new[] { 1, 2, 3, 4, 5 }));
        rounds.Sum(r => r.Count).ShouldBe(20);
        SampleRounds.Replicas(20).ShouldBe(6);
    }

    [Test]
    public void Plan_SevenSamples_LastRoundTakesOnlyWhatIsMissing()
    {
        // Given / When / Then
        SampleRounds.Plan(7).Select(r => r.Count).ShouldBe([5, 2]);
        SampleRounds.Plan(3).ShouldHaveSingleItem().ShouldBe([1, 2, 3]);
        SampleRounds.Replicas(3).ShouldBe(4);
    }

    [Test]
    public void Plan_OneRoundAsWideAsTheSamples_DisruptsEachPodOnce()
    {
        // Given the restart scenario's plan: each container restarted once (a second restart waits out the kubelet's back-off)
        var rounds = SampleRounds.Plan(20, width: 20);

        // When / Then
        rounds.ShouldHaveSingleItem().ShouldBe(Enumerable.Range(1, 20));
        SampleRounds.Replicas(20, 20).ShouldBe(21);
        Should.Throw<ArgumentOutOfRangeException>(() => SampleRounds.Plan(0));
    }
}
