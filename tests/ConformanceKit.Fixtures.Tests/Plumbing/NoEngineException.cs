namespace ConformanceKit.Fixtures.Tests.Plumbing;

/// <summary>No Docker engine answered: every plumbing test fails with this one reason.</summary>
internal sealed class NoEngineException(string message, Exception inner) : Exception(message, inner);
