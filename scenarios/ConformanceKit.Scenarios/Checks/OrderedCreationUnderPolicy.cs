namespace ConformanceKit.Scenarios.Checks;

/// <summary>
/// Ordered creation judged for a set whose podManagementPolicy comes from the user's manifest: OrderedReady (or
/// none) is <see cref="OrderedCreation.Check"/>; Parallel promises no order, so the ordering promise fails as a
/// violation that names the policy, with what the timeline showed as evidence (even when the pods happened to
/// start in order).
/// </summary>
public static class OrderedCreationUnderPolicy
{
    /// <summary>Checks the set's creation order under <paramref name="podManagementPolicy"/> (null or empty means OrderedReady).</summary>
    /// <exception cref="ArgumentException">The policy is not one the API knows: the harness cannot judge it.</exception>
    public static CheckResult Check(Timeline.Timeline timeline, string setName, string? podManagementPolicy, DateTimeOffset? from = null, DateTimeOffset? until = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var ordered = OrderedCreation.Check(timeline, setName, from, until);
        switch (podManagementPolicy)
        {
            case null or "" or "OrderedReady":
                return ordered;
            case "Parallel":
                var evidence = ordered.Passed
                    ? $"this time the pods happened to start in order ({ordered.Message}), which the policy does not promise"
                    : $"the timeline shows it: {ordered.Message}";
                return CheckResult.Fail(ordered.Check,
                    $"{setName} has podManagementPolicy Parallel: its pods are created together, not each after the previous one is Ready; {evidence}",
                    ordered.Details);
            default:
                throw new ArgumentException($"podManagementPolicy {podManagementPolicy} of {setName} is not one the API knows (OrderedReady, Parallel)", nameof(podManagementPolicy));
        }
    }
}
