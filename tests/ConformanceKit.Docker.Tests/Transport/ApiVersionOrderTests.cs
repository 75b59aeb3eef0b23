using ConformanceKit.Docker.Transport;
using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Docker.Tests.Transport;

public sealed class ApiVersionOrderTests
{
    [TestCase("1.43", "1.41", "1.41")]
    [TestCase("1.40", "1.41", "1.40")]
    [TestCase("1.9", "1.41", "1.9")]
    [TestCase("1.41", "1.41", "1.41")]
    public void Lower_ComparesNumerically(string server, string ours, string expected)
    {
        // Given two API versions
        // When the lower is taken
        var lower = ApiVersionOrder.Lower(server, ours);

        // Then it is the numerically lower one (1.9 < 1.41)
        lower.ShouldBe(expected);
    }

    [Test]
    public void Compare_OfAMalformedVersion_ThrowsNamingIt()
    {
        // Given a malformed version
        // When compared
        var ex = Should.Throw<FormatException>(() => ApiVersionOrder.Compare("v1", "1.41"));

        // Then the message names it
        ex.Message.ShouldContain("'v1'");
    }
}
