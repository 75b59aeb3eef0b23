namespace ConformanceKit.Scenarios.Report;

/// <summary>A failed test's kind and its reason in a few lines (the failing check's message, or the error's first lines).</summary>
public sealed record TestFailure(FailureKind Kind, string Reason);
