using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Docker.Tests;

public sealed class EndpointTests
{
    [Test]
    public void FromEnvironment_WithoutDockerHost_IsTheDefaultSocket()
    {
        // Given an environment without DOCKER_HOST
        var env = new Dictionary<string, string?> { ["HOME"] = "/home/x" };

        // When the endpoint is read
        var endpoint = DockerEndpoint.FromEnvironment(env);

        // Then it is the engine's default unix socket
        endpoint.SocketPath.ShouldBe("/var/run/docker.sock");
        endpoint.ToString().ShouldBe("unix:///var/run/docker.sock");
        endpoint.UseTls.ShouldBeFalse();
    }

    [Test]
    public void FromEnvironment_WithUnixDockerHost_UsesThatSocket()
    {
        // Given DOCKER_HOST naming another socket
        var env = new Dictionary<string, string?> { ["DOCKER_HOST"] = "unix:///run/user/1000/docker.sock" };

        // When the endpoint is read
        var endpoint = DockerEndpoint.FromEnvironment(env);

        // Then that socket is used
        endpoint.SocketPath.ShouldBe("/run/user/1000/docker.sock");
        endpoint.Host.ShouldBeNull();
    }

    [Test]
    public void FromEnvironment_WithTcpAndTlsVerify_UsesTlsWithTheCertFolder()
    {
        // Given a TCP DOCKER_HOST with TLS verification and a certificate folder
        var env = new Dictionary<string, string?>
        {
            ["DOCKER_HOST"] = "tcp://10.1.2.3:2376", ["DOCKER_TLS_VERIFY"] = "1", ["DOCKER_CERT_PATH"] = "/certs",
        };

        // When the endpoint is read
        var endpoint = DockerEndpoint.FromEnvironment(env);

        // Then it is TLS to that host and port with that folder
        endpoint.Host.ShouldBe("10.1.2.3");
        endpoint.Port.ShouldBe(2376);
        endpoint.UseTls.ShouldBeTrue();
        endpoint.CertPath.ShouldBe("/certs");
        endpoint.SocketPath.ShouldBeNull();
    }

    [Test]
    public void FromEnvironment_WithTcpWithoutTlsVerify_IsPlainAndDefaultsTheCertFolderOnlyForTls()
    {
        // Given a TCP DOCKER_HOST without TLS verification
        var env = new Dictionary<string, string?> { ["DOCKER_HOST"] = "tcp://docker.internal:2375", ["HOME"] = "/home/x" };

        // When the endpoint is read
        var endpoint = DockerEndpoint.FromEnvironment(env);

        // Then it is plain TCP
        endpoint.Host.ShouldBe("docker.internal");
        endpoint.Port.ShouldBe(2375);
        endpoint.UseTls.ShouldBeFalse();
        endpoint.CertPath.ShouldBeNull();

        // And with DOCKER_TLS_VERIFY but no DOCKER_CERT_PATH the folder is ~/.docker
        var tls = DockerEndpoint.FromEnvironment(new Dictionary<string, string?>(env) { ["DOCKER_TLS_VERIFY"] = "1" });
        tls.CertPath.ShouldBe("/home/x/.docker");
    }

    [TestCase("ssh://me@host")]
    [TestCase("unix://")]
    [TestCase("tcp://")]
    [TestCase("/var/run/docker.sock")]
    public void Parse_OfAnUnsupportedValue_ThrowsNamingIt(string value)
    {
        // Given an unsupported DOCKER_HOST value

        // When it is parsed
        var ex = Should.Throw<ArgumentException>(() => DockerEndpoint.Parse(value));

        // Then the message names it
        ex.Message.ShouldContain($"'{value}'");
    }
}
