namespace ConformanceKit.Scenarios.Tests.Workload;

internal static class AlsoExtensions
{
    public static T Also<T>(this T value, Action<T> change)
    {
        change(value);
        return value;
    }
}
