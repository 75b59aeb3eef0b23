namespace ConformanceKit.Scenarios.Manifests;

/// <summary>Writes spec.updateStrategy from <see cref="UpdateStrategyParameters"/>, replacing whatever the template had.</summary>
internal static class UpdateStrategyYaml
{
    public static void Set(YamlDocumentEditor yaml, UpdateStrategyParameters strategy)
    {
        yaml.Remove("spec.updateStrategy");
        yaml.SetString("spec.updateStrategy.type", strategy.Type.ToString());
        if (strategy.Type == UpdateStrategyType.OnDelete)
        {
            // The API refuses rollingUpdate on an OnDelete set.
            if (strategy.Partition is not null || strategy.MaxUnavailable is not null)
            {
                throw new ArgumentException("an OnDelete update strategy takes no partition and no maxUnavailable (they belong to rollingUpdate)", nameof(strategy));
            }

            return;
        }

        if (strategy.Partition is { } partition)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(partition, nameof(strategy.Partition));
            yaml.SetInt("spec.updateStrategy.rollingUpdate.partition", partition);
        }

        if (strategy.MaxUnavailable is { } maxUnavailable)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxUnavailable, nameof(strategy.MaxUnavailable));
            yaml.SetInt("spec.updateStrategy.rollingUpdate.maxUnavailable", maxUnavailable);
        }
    }
}
