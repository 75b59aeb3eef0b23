namespace ConformanceKit.Scenarios.Checks;

/// <summary>Assertions in the Shouldly style for check results (usable from any test framework).</summary>
public static class CheckResultAssertions
{
    /// <summary>Throws unless the check passed; the exception message is the whole result with its details.</summary>
    public static CheckResult ShouldPass(this CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Passed
            ? result
            : throw new CheckFailedException($"check {result.Check} should pass but did not:{Environment.NewLine}{result}");
    }

    /// <summary>
    /// Throws unless the check failed and (when given) its message contains every one of
    /// <paramref name="expectedFragments"/> (ordinal comparison).
    /// </summary>
    public static CheckResult ShouldFail(this CheckResult result, params string[] expectedFragments)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(expectedFragments);
        if (result.Passed)
        {
            throw new CheckFailedException($"check {result.Check} should fail but passed:{Environment.NewLine}{result}");
        }

        var missing = expectedFragments.Where(f => !result.Message.Contains(f, StringComparison.Ordinal)).ToList();
        return missing.Count == 0
            ? result
            : throw new CheckFailedException(
                $"check {result.Check} failed as expected, but its message \"{result.Message}\" lacks " +
                string.Join(", ", missing.Select(m => $"\"{m}\"")));
    }
}
