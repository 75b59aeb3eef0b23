using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ConformanceKit.Docker.Transport;
using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Docker.Tests.Transport;

public sealed class MessageAndBodyTests
{
    [Test]
    public async Task ProgressStream_DecodesProgressAndStopsAtTheErrorDetail()
    {
        // Given a pull stream: a status, a layer with byte counts, then an error
        var lines = """
            {"status":"Pulling from rancher/k3s","id":"v1"}
            {"status":"Downloading","progressDetail":{"current":50,"total":200},"progress":"[==>  ]","id":"abc123"}
            {"errorDetail":{"message":"manifest unknown"},"error":"manifest unknown"}
            {"status":"never read"}
            """;
        var request = new DockerRequest(HttpMethod.Post, "/images/create");
        var seen = new List<PullProgress>();

        // When it is read
        var ex = await Should.ThrowAsync<DockerApiException>(async () =>
        {
            await foreach (var message in JsonMessageStream.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(lines)), request, CancellationToken.None))
            {
                seen.Add(JsonMessageStream.ToProgress(message));
            }
        });

        // Then the progress before the error is decoded and the error names the call
        seen.ShouldBe([new PullProgress("Pulling from rancher/k3s", "v1", null, null), new PullProgress("Downloading", "abc123", 50, 200)]);
        seen[1].ToString().ShouldBe("abc123: Downloading 25% of 200 bytes");
        ex.Message.ShouldBe("POST /images/create: 200 manifest unknown");
    }

    [Test]
    public void CreateBody_CarriesEveryPartOfTheSpec_AndPublishesOnLoopbackRandomPorts()
    {
        // Given a spec like the k3s server's
        var spec = new ContainerSpec("rancher/k3s:v1")
        {
            Cmd = ["server"], Privileged = true, CgroupnsMode = "host", ExposedPorts = ["6443", "53/udp"],
            Tmpfs = new Dictionary<string, string> { ["/run"] = "" }, Labels = new Dictionary<string, string> { ["a"] = "b" },
        };

        // When the create body is written
        var body = ContainerJson.CreateBody(spec);

        // Then each part is where the engine reads it, ports bound to 127.0.0.1 with an empty (random) host port
        body["Image"]!.GetValue<string>().ShouldBe("rancher/k3s:v1");
        body["Cmd"]!.ToJsonString().ShouldBe("""["server"]""");
        var host = body["HostConfig"]!.AsObject();
        host["Privileged"]!.GetValue<bool>().ShouldBeTrue();
        host["CgroupnsMode"]!.GetValue<string>().ShouldBe("host");
        host["Tmpfs"]!.ToJsonString().ShouldBe("""{"/run":""}""");
        host["PortBindings"]!.ToJsonString().ShouldBe("""{"6443/tcp":[{"HostIp":"127.0.0.1","HostPort":""}],"53/udp":[{"HostIp":"127.0.0.1","HostPort":""}]}""");
        body["ExposedPorts"]!.AsObject().Select(p => p.Key).ShouldBe(["6443/tcp", "53/udp"]);
        body["Labels"]!.ToJsonString().ShouldBe("""{"a":"b"}""");
        body.ContainsKey("Entrypoint").ShouldBeFalse();
        ContainerJson.CreateBody(new ContainerSpec("x"))["HostConfig"]!["Privileged"]!.GetValue<bool>().ShouldBeFalse();
    }

    [TestCase("""{"message":"No such image: x:1"}""", "No such image: x:1")]
    [TestCase("page not found\n", "page not found")]
    [TestCase("", "Not Found")]
    public void EngineMessage_IsTheJsonMessageOrTheBodyOrTheReason(string body, string expected)
    {
        // Given an error body
        // When the engine's message is taken from it
        var message = DockerTransport.EngineMessage(body, HttpStatusCode.NotFound.ToString().Replace("NotFound", "Not Found"));

        // Then it is the JSON message, else the trimmed body, else the reason phrase
        message.ShouldBe(expected);
    }
}
