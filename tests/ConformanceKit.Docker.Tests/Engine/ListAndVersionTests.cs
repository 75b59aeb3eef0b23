using ConformanceKit.Docker.Transport;
using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Docker.Tests.Engine;

[DependsOnFixture(typeof(ImageTests), AllowFailure = true)]
public sealed class ListAndVersionTests
{
    [Test]
    public async Task ListContainers_ByLabel_ReturnsOnlyTheMatchingOnes()
    {
        // Given two session containers that differ in one label
        var marker = Guid.NewGuid().ToString("N")[..8];
        await using var red = await EngineSession.StartAsync(new ContainerSpec(EngineSession.Image) { Labels = EngineSession.Labels(("ck.test/colour", "red-" + marker)) }, "sleep", "300");
        await using var blue = await EngineSession.StartAsync(new ContainerSpec(EngineSession.Image) { Labels = EngineSession.Labels(("ck.test/colour", "blue-" + marker)) }, "sleep", "300");

        // When containers are listed by one label value, by the session, and by a value nobody has
        var reds = await EngineSession.Client.ListContainersAsync("ck.test/colour=red-" + marker, all: true, EngineSession.Timeout());
        var session = await EngineSession.Client.ListContainersAsync(EngineSession.LabelFilter, all: true, EngineSession.Timeout());
        var none = await EngineSession.Client.ListContainersAsync("ck.test/colour=green-" + marker, all: true, EngineSession.Timeout());

        // Then each list holds exactly the matching containers
        reds.Select(c => c.Id).ShouldBe([red.Id]);
        reds[0].Labels["ck.test/colour"].ShouldBe("red-" + marker);
        reds[0].State.ShouldBe("running");
        session.Select(c => c.Id).ShouldContain(red.Id);
        session.Select(c => c.Id).ShouldContain(blue.Id);
        none.ShouldBeEmpty();
    }

    [Test]
    public async Task GetVersion_NegotiatesTheLowerOfOursAndTheEngines()
    {
        // Given a client talking to the real engine
        var client = EngineSession.Client;

        // When the version is read
        var version = await client.GetVersionAsync(EngineSession.Timeout());

        // Then the negotiated version is the lower of the two and the client uses it
        version.ApiVersion.ShouldNotBeNullOrWhiteSpace();
        var expected = ApiVersionOrder.Compare(version.ApiVersion, DockerClient.MaxApiVersion) < 0 ? version.ApiVersion : DockerClient.MaxApiVersion;
        version.NegotiatedApiVersion.ShouldBe(expected);
        client.ApiVersion.ShouldBe(expected);
    }
}
