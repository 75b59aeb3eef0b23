using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Fixtures.Tests.Session;

/// <summary>The storage-class validation settings: several classes, the scale-up target and the p95 gates.</summary>
public sealed class StorageOptionsTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Test]
    public void Read_CommaListOfClasses_KeepsTheirOrder_AndTheFirstIsStorageClass()
    {
        // Given CK_STORAGE_CLASS as a comma list with spaces, a repeat and an empty entry
        var environment = new Dictionary<string, string?> { ["CK_STORAGE_CLASS"] = "fast-ssd, slow-hdd,,fast-ssd" };

        // When read
        var options = ConformanceOptions.Read(_ => null, environment);

        // Then each class once, in order; the single-class view is the first
        options.StorageClasses.ShouldBe(["fast-ssd", "slow-hdd"]);
        options.StorageClass.ShouldBe("fast-ssd");
    }

    [Test]
    public void Read_NoClass_MeansTheClustersDefault_AndSettingStorageClassSetsTheList()
    {
        // Given / When
        var none = ConformanceOptions.Read(_ => null, NoEnvironment);
        var one = ConformanceOptions.Default with { StorageClass = "local-path" };

        // Then
        none.StorageClasses.ShouldBeEmpty();
        none.StorageClass.ShouldBeNull();
        one.StorageClasses.ShouldBe(["local-path"]);
    }

    [Test]
    public void Read_ScaleToAndGates_AreParsed_WithTheirDefaults()
    {
        // Given the three settings as TestRunParameters
        var parameters = new Dictionary<string, string> { ["ScaleTo"] = "9", ["MaxBindSeconds"] = "5", ["MaxReattachSeconds"] = "2.5" };

        // When read, and read without them
        var options = ConformanceOptions.Read(parameters.GetValueOrDefault, NoEnvironment);
        var defaults = ConformanceOptions.Read(_ => null, NoEnvironment);

        // Then
        (options.ScaleTo, options.MaxBindSeconds, options.MaxReattachSeconds).ShouldBe((9, (double?)5, (double?)2.5));
        (defaults.ScaleTo, defaults.MaxBindSeconds, defaults.MaxReattachSeconds).ShouldBe((6, (double?)null, (double?)null));
        ConformanceOptions.EnvironmentVariableFor("MaxReattachSeconds").ShouldBe("CK_MAX_REATTACH_SECONDS");
    }

    [Test]
    public void Read_Samples_IsParsedFromTheParameterOrCkSamples_WithDefaultFive()
    {
        // Given the setting as a TestRunParameter, as the environment variable, and absent
        var environment = new Dictionary<string, string?> { ["CK_SAMPLES"] = "20" };

        // When
        var fromParameter = ConformanceOptions.Read(n => n == "Samples" ? "12" : null, environment);
        var fromEnvironment = ConformanceOptions.Read(_ => null, environment);
        var defaults = ConformanceOptions.Read(_ => null, NoEnvironment);

        // Then the parameter wins, the variable is CK_SAMPLES, and the default is the fewest samples a gate judges
        (fromParameter.Samples, fromEnvironment.Samples, defaults.Samples).ShouldBe((12, 20, 5));
        ConformanceOptions.EnvironmentVariableFor("Samples").ShouldBe("CK_SAMPLES");
    }

    [TestCase("Samples", "0", "at least 1")]
    [TestCase("Samples", "many", "whole number")]
    [TestCase("ScaleTo", "3", "at least 4")]
    [TestCase("ScaleTo", "six", "whole number")]
    [TestCase("MaxBindSeconds", "0", "positive number of seconds")]
    [TestCase("MaxReattachSeconds", "-2", "positive number of seconds")]
    [TestCase("MaxReattachSeconds", "fast", "positive number of seconds")]
    public void Read_MalformedStorageSetting_NamesSettingVariableAndValue(string name, string value, string expected)
    {
        // Given / When
        var error = Should.Throw<ArgumentException>(() => ConformanceOptions.Read(n => n == name ? value : null, NoEnvironment));

        // Then
        error.Message.ShouldContain($"{name} (TestRunParameter {name} or {ConformanceOptions.EnvironmentVariableFor(name)}) is '{value}'");
        error.Message.ShouldContain(expected);
    }
}
