using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Steps;

/// <summary>The volumes a wait was about: those still there, and when each of the others was seen deleted (observer's clock).</summary>
/// <param name="Remaining">The named volumes that still exist, as last seen.</param>
/// <param name="GoneAt">Named volume → when its deletion was seen (the list time when it was already gone).</param>
/// <param name="Settled">True when every named volume reached the awaited state before the deadline.</param>
public sealed record VolumeSnapshot(IReadOnlyList<V1PersistentVolume> Remaining, IReadOnlyDictionary<string, DateTimeOffset> GoneAt, bool Settled);
