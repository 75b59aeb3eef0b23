using ConformanceKit.Scenarios.Diagnosis;
using k8s.Models;
using Shouldly;
using static ConformanceKit.Scenarios.Tests.Recording.FailedCreateEvents;

namespace ConformanceKit.Scenarios.Tests.Recording;

/// <summary>
/// When the StatefulSet controller's FailedCreate events make a pod hopeless: refusals recurring over at least
/// <see cref="CreateRefusalJudgement.RefusedSecondsBeforeHopeless"/> seconds since the pod was last created, while the
/// pod does not exist.
/// </summary>
public sealed class CreateRefusalSpanTests
{
    [Test]
    public void Refusals_Over30Seconds_AreJudged_Over29AreNot()
    {
        // Given web-0 refused for 30 s by its stamps, and for 29 s (control)
        var thirty = Event(FailedCreate(Quota, 14, first: 0, span: 30));
        var twentyNine = Event(FailedCreate(Quota, 14, first: 0, span: 29));

        // When each is judged
        var judged = PodStartJudgement.Judge([], [thirty]);
        var notYet = PodStartJudgement.Judge([], [twentyNine]);

        // Then the span decides, not the count
        judged.ShouldBeOfType<PodNotCreated>().Seconds.ShouldBe(30);
        notYet.ShouldBeNull();
    }

    [Test]
    public void ManyRefusalsWithinASecond_AreATransientHiccup_NotJudged()
    {
        // Given a webhook that refused web-0 twelve times within 1 s (the back-off's first 10 s hold 12 tries), then again at 41 s (control)
        var hiccup = Event(FailedCreate(Webhook, 12, first: 0, span: 1));
        var lasting = Event(FailedCreate(Webhook, 14, first: 0, span: 41));

        // When each is judged
        var transient = PodStartJudgement.Judge([], [hiccup]);
        var hopeless = PodStartJudgement.Judge([], [lasting]);

        // Then many refusals in a short span keep the wait going; the same refusals lasting do not
        transient.ShouldBeNull();
        hopeless.ShouldNotBeNull();
    }

    [Test]
    public void RefusalsSplitOverAggregatedEvents_SpanFromTheFirstToTheLast()
    {
        // Given refusals whose messages differ (so several events), 20 s then 15 s, the last merged by the recorder
        var first = FailedCreate(Webhook, 12, first: 0, span: 20);
        var merged = FailedCreate(Webhook.Replace("is required", "must be set", StringComparison.Ordinal), 3, first: 25, span: 15);
        merged["message"] = "(combined from similar events): " + merged["message"]!.GetValue<string>();

        // When they are judged together, and each alone (control)
        var together = PodStartJudgement.Judge([], [Event(first), Event(merged)]);
        var firstAlone = PodStartJudgement.Judge([], [Event(first)]);
        var mergedAlone = PodStartJudgement.Judge([], [Event(merged)]);

        // Then together they span 40 s and count 15 failures; neither alone is judged
        var refused = together.ShouldBeOfType<PodNotCreated>();
        (refused.Seconds, refused.Failures).ShouldBe((40, 15));
        refused.ApiServerMessage.ShouldStartWith("admission webhook \"validate.kyverno.svc-fail\" denied the request: resource Pod");
        firstAlone.ShouldBeNull();
        mergedAlone.ShouldBeNull();
    }

    [Test]
    public void RefusalsAsTheEventsApiWritesThem_SpanFromEventTimeToTheSeriesLastObservedTime()
    {
        // Given the refusals as eventTime and a series over 41 s, and over 2 s (control)
        var lasting = Event(AsSeries(FailedCreate(PodSecurity, 14, first: 0, span: 41)));
        var brief = Event(AsSeries(FailedCreate(PodSecurity, 10, first: 0, span: 2)));

        // When each is judged
        var judged = PodStartJudgement.Judge([], [lasting]);
        var notJudged = PodStartJudgement.Judge([], [brief]);

        // Then the series is read as the legacy stamps are
        lasting.FirstTimestamp.ShouldBeNull();
        (judged.ShouldBeOfType<PodNotCreated>().Seconds, ((PodNotCreated)judged).Failures).ShouldBe((41, 14));
        notJudged.ShouldBeNull();
    }

    [Test]
    public void RefusalsOfWeb1_WhileWeb1NowExists_AreNotJudged()
    {
        // Given web-1 refused over 41 s earlier, then created
        List<Corev1Event> events = [Event(FailedCreate(Quota.Replace("web-0", "web-1", StringComparison.Ordinal), 14, first: 0, span: 41, pod: "web-1"))];

        // When the namespace is judged with web-0 and web-1 there, and with web-0 alone (control)
        var exists = PodStartJudgement.Judge([RecordedPod("web-0"), RecordedPod("web-1")], events);
        var missing = PodStartJudgement.Judge([RecordedPod("web-0")], events);

        // Then only the pod that still does not exist is judged
        exists.ShouldBeNull();
        missing.ShouldBeOfType<PodNotCreated>().Pod.ShouldBe("web-1");
    }

    [Test]
    public void NormalSuccessfulCreate_IsNotJudged()
    {
        // Given the set's SuccessfulCreate of web-0, counted 14 times over 41 s (a pod re-created again and again), no pod now
        List<Corev1Event> events = [Event(SuccessfulCreate(14, first: 0, span: 41))];

        // When the namespace is judged, and with the same stamps on a FailedCreate (control)
        var created = PodStartJudgement.Judge([], events);
        var refused = PodStartJudgement.Judge([], [Event(FailedCreate(Quota, 14, first: 0, span: 41))]);

        // Then a success never ends a wait
        created.ShouldBeNull();
        refused.ShouldNotBeNull();
    }

    [Test]
    public void RefusalsBeforeThePodsLastCreation_CountOnlyFromIt()
    {
        // Given web-0 refused for 41 s, then created at 45 s, then (deleted, being re-created) refused again up to 50 s:
        // the recorder merged the new refusals into the old event, whose firstTimestamp is still 0
        var created = Event(SuccessfulCreate(1, first: 45, span: 0));
        var resumed = Event(FailedCreate(Quota, 16, first: 0, span: 50));

        // When the namespace is judged, and again when the new refusals have lasted until 76 s (control)
        var fresh = PodStartJudgement.Judge([], [created, resumed]);
        var lasting = PodStartJudgement.Judge([], [created, Event(FailedCreate(Quota, 17, first: 0, span: 76))]);
        var healed = PodStartJudgement.Judge([], [Event(FailedCreate(Quota, 14, first: 0, span: 41)), created]);

        // Then the new refusals count from the creation: 5 s is not hopeless, 31 s is; refusals all before it are over
        fresh.ShouldBeNull();
        lasting.ShouldBeOfType<PodNotCreated>().Seconds.ShouldBe(31);
        healed.ShouldBeNull();
    }
}
