using ConformanceKit.Fixtures.K3s;
using Docker.DotNet.Models;

namespace ConformanceKit.Fixtures.Tests.Plumbing;

public sealed class PullProgressBarTests
{
    [Test]
    public void Render_TwoLayersHalfDownloaded_SumsTheBytes()
    {
        // Given one layer done (10 MB) and one at 0 of 10 MB
        var layers = new[] { (10_000_000L, 10_000_000L, true), (0L, 10_000_000L, false) };

        // When
        var line = PullProgressBar.Render("rancher/k3s:v1", layers);

        // Then
        line.ShouldBe("pulling rancher/k3s:v1 [##########----------]  50% 10.0 of 20.0 MB, 1/2 layers done");
    }

    [Test]
    public void Report_EngineProgressStream_RedrawsOneLineInPlaceAndEndsComplete()
    {
        // Given a bar writing to a captured terminal
        var terminal = new StringWriter();
        var bar = new PullProgressBar("img", terminal);

        // When the engine reports a tag line, two layers' downloads and their completion
        bar.Report(Message("Pulling from rancher/k3s", "v1.31.14-k3s1"));
        bar.Report(Message("Downloading", "aaa", 5, 10));
        bar.Report(Message("Downloading", "bbb", 0, 30));
        bar.Report(Message("Pull complete", "aaa"));
        bar.Report(Message("Download complete", "bbb"));
        bar.Complete();

        // Then every redraw starts with a carriage return, the tag line was ignored, and the last state is 100%
        var text = terminal.ToString();
        text.ShouldStartWith("\r");
        text.ShouldNotContain("Pulling from");
        text.TrimEnd().Split('\r').Last().ShouldBe("pulling img [####################] 100% 0.0 of 0.0 MB, 2/2 layers done");
        text.ShouldEndWith(Environment.NewLine);
    }

    private static JSONMessage Message(string status, string id, long? current = null, long? total = null) => new()
    {
        Status = status,
        ID = id,
        Progress = current is null ? null : new JSONProgress { Current = current, Total = total },
    };
}
