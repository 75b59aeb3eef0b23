using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

public sealed class OrderedCreationUnderPolicyTests
{
    [TestCase(null)]
    [TestCase("")]
    [TestCase("OrderedReady")]
    public void Check_OrderedReadyTimeline_PassesUnderTheDefaultPolicy(string? policy)
    {
        // Given web-0..2 each created after the previous one was Ready
        var timeline = Hand.OrderedLifecycle();

        // When
        var result = OrderedCreationUnderPolicy.Check(timeline, "web", policy);

        // Then
        result.ShouldPass().Message.ShouldContain("were each created only after the previous ordinal was Ready");
    }

    [Test]
    public void Check_ParallelTimelineUnderOrderedReady_FailsAsTheTimelineShows()
    {
        // Given all three pods created together (the negative control of the pass above)
        var timeline = Hand.ParallelLifecycle();

        // When / Then
        OrderedCreationUnderPolicy.Check(timeline, "web", "OrderedReady").ShouldFail("web-1 (uid-p1) was created at 10:00:00Z (server), before web-0 (uid-p0) became Ready");
    }

    [Test]
    public void Check_ParallelPolicy_FailsNamingThePolicyWithTheTimelineAsEvidence()
    {
        // Given the set is Parallel and its pods did start together
        var timeline = Hand.ParallelLifecycle();

        // When
        var result = OrderedCreationUnderPolicy.Check(timeline, "web", "Parallel");

        // Then
        result.ShouldFail("web has podManagementPolicy Parallel: its pods are created together, not each after the previous one is Ready; the timeline shows it: web-1 (uid-p1) was created");
        result.Check.ShouldBe("OrderedCreation");
    }

    [Test]
    public void Check_ParallelPolicyWhosePodsHappenedToStartInOrder_StillFailsNamingThePolicy()
    {
        // Given a Parallel set whose pods this time came up one after the other
        var timeline = Hand.OrderedLifecycle();

        // When
        var result = OrderedCreationUnderPolicy.Check(timeline, "web", "Parallel");

        // Then the promise is not the set's: a violation naming the policy
        result.ShouldFail("web has podManagementPolicy Parallel: its pods are created together, not each after the previous one is Ready; this time the pods happened to start in order");
    }

    [Test]
    public void Check_UnknownPolicy_IsAnErrorNotAVerdict()
    {
        // When / Then
        Should.Throw<ArgumentException>(() => OrderedCreationUnderPolicy.Check(Hand.OrderedLifecycle(), "web", "Random"))
            .Message.ShouldStartWith("podManagementPolicy Random of web is not one the API knows");
    }
}
