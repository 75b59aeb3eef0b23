using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Parsing;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests;

public sealed class HttpReachabilityTests
{
    private const string Pod0 = "http://web-0.web.ns.svc.cluster.local/";
    private const string Pod1 = "http://web-1.web.ns.svc.cluster.local/";
    private const string Missing = "http://web-9.web.ns.svc.cluster.local/";

    private static HttpProbeResult Ok(string url) =>
        HttpProbeResult.Parse(url, 0, $"Connecting to {new Uri(url).Host} (10.42.0.7:80)\nsaving to '/dev/null'\n'/dev/null' saved\n");

    private static HttpProbeResult BadAddress(string url) =>
        HttpProbeResult.Parse(url, 1, $"wget: bad address '{new Uri(url).Host}'\n");

    [Test]
    public void Parse_ServerError_KeepsTheStatusLine()
    {
        // Given busybox wget's answer to a 404
        var output = "Connecting to web-0.web.ns.svc.cluster.local (10.42.0.7:80)\nwget: server returned error: HTTP/1.1 404 Not Found\n";

        // When
        var probe = HttpProbeResult.Parse(Pod0, 1, output);

        // Then
        probe.StatusLine.ShouldBe("HTTP/1.1 404 Not Found");
        probe.Answered.ShouldBeTrue();
        probe.Succeeded.ShouldBeFalse();
    }

    [Test]
    public void EveryPodAnswering_AndTheMissingOrdinalUnresolved_Passes()
    {
        // Given both pods answered and web-9's name did not resolve
        var existing = new[] { Ok(Pod0), Ok(Pod1) };

        // When
        var result = HttpReachability.Check(existing, [BadAddress(Missing)]);

        // Then
        result.ShouldPass();
        result.Details.ShouldContain(d => d.Contains("web-9") && d.Contains("bad address"));
    }

    [Test]
    public void APodAnsweringWithAnErrorStatus_Fails()
    {
        // Given web-1 answered 503
        var broken = HttpProbeResult.Parse(Pod1, 1, "wget: server returned error: HTTP/1.1 503 Service Unavailable\n");

        // When
        var result = HttpReachability.Check([Ok(Pod0), broken]);

        // Then
        result.ShouldFail("web-1", "503");
    }

    [Test]
    public void ExpectingTheMissingOrdinalToAnswer_Fails()
    {
        // Given the negative control: web-9 probed as if it existed
        var result = HttpReachability.Check([BadAddress(Missing)]);

        // Then
        result.ShouldFail("web-9", "bad address");
    }

    [Test]
    public void AMissingOrdinalThatAnswers_Fails()
    {
        // Given something answered for web-9 (a stale DNS record pointing at a live server)
        var result = HttpReachability.Check([Ok(Pod0)], [Ok(Missing)]);

        // Then
        result.ShouldFail("web-9", "does not exist");
    }

    [Test]
    public void NoProbeAtAll_Fails()
    {
        // Given / When / Then: a check with nothing probed cannot pass
        HttpReachability.Check([]).ShouldFail("no pod was probed");
    }

    [Test]
    public void AMissingOrdinalAnsweredWithAnErrorStatus_StillFailsBecauseSomethingAnswered()
    {
        // Given web-9's name reached an HTTP server that answered 404 (wget exits 1, yet a server answered)
        var answered404 = HttpProbeResult.Parse(Missing, 1, "Connecting to web-9.web.ns.svc.cluster.local (10.42.0.9:80)\nwget: server returned error: HTTP/1.1 404 Not Found\n");

        // When
        var result = HttpReachability.Check([Ok(Pod0)], [answered404]);

        // Then
        result.ShouldFail("http://web-9.web.ns.svc.cluster.local/ was answered ('HTTP/1.1 404 Not Found' (wget exit 1)) although that pod does not exist");
    }
}
