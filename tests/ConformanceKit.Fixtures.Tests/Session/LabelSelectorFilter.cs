namespace ConformanceKit.Fixtures.Tests.Session;

/// <summary>The equality and existence forms of a label selector ("a=b", "a", "!a"), applied as the API server does.</summary>
internal static class LabelSelectorFilter
{
    public static bool Matches(string selector, IReadOnlyDictionary<string, string> labels)
    {
        foreach (var requirement in selector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var matched = requirement switch
            {
                ['!', .. var key] => !labels.ContainsKey(key),
                _ when requirement.Split('=', 2) is [var key, var value] => labels.TryGetValue(key, out var actual) && actual == value,
                _ => labels.ContainsKey(requirement),
            };
            if (!matched)
            {
                return false;
            }
        }

        return true;
    }
}
