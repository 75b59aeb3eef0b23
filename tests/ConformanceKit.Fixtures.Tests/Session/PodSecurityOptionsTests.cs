using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Fixtures.Tests.Session;

/// <summary>
/// The run's PodSecurity level (<c>--pod-security-level</c>, <c>CK_POD_SECURITY_LEVEL</c>): one of the three Pod
/// Security Standards levels, or unset.
/// </summary>
public sealed class PodSecurityOptionsTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [TestCase("privileged", PodSecurityLevel.Privileged)]
    [TestCase("baseline", PodSecurityLevel.Baseline)]
    [TestCase("restricted", PodSecurityLevel.Restricted)]
    [TestCase(" Baseline ", PodSecurityLevel.Baseline)]
    public void Read_EachLevelFromTheEnvironment_IsThatLevel(string value, PodSecurityLevel expected)
    {
        // Given CK_POD_SECURITY_LEVEL set, as run-tests.sh sets it
        var environment = new Dictionary<string, string?> { ["CK_POD_SECURITY_LEVEL"] = value };

        // When read
        var options = ConformanceOptions.Read(_ => null, environment);

        // Then the run's namespaces will enforce that level
        options.PodSecurityLevel.ShouldBe(expected);
    }

    [Test]
    public void Read_Unset_IsNoLevel()
    {
        // Given neither the parameter nor the variable, When read, Then no level (the namespaces get no label)
        ConformanceOptions.Read(_ => null, NoEnvironment).PodSecurityLevel.ShouldBeNull();
        ConformanceOptions.Read(_ => null, new Dictionary<string, string?> { ["CK_POD_SECURITY_LEVEL"] = "" }).PodSecurityLevel.ShouldBeNull();
    }

    [TestCase("strict")]
    [TestCase("restricted:latest")]
    public void Read_AValueThatIsNoLevel_IsRefusedInOneLineNamingItAndTheThreeLevels(string value)
    {
        // Given a value that is not a level (control: the three levels above are read)
        var environment = new Dictionary<string, string?> { ["CK_POD_SECURITY_LEVEL"] = value };

        // When read
        var error = Should.Throw<ArgumentException>(() => ConformanceOptions.Read(_ => null, environment));

        // Then one line names the setting, its variable, the value and the allowed levels
        error.Message.ShouldBe(
            $"PodSecurityLevel (TestRunParameter PodSecurityLevel or CK_POD_SECURITY_LEVEL) is '{value}'; expected privileged, baseline or restricted");
    }
}
