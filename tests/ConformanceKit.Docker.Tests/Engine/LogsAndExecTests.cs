using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Docker.Tests.Engine;

[DependsOnFixture(typeof(ContainerSpecTests), AllowFailure = true)]
public sealed class LogsAndExecTests
{
    [Test]
    public async Task Logs_OfInterleavedOutput_SeparateStdoutFromStderr()
    {
        // Given a container that writes to both streams and exits
        await using var container = await EngineSession.StartAsync(null, "sh", "-c", "echo out-1; echo err-1 >&2; echo out-2; printf no-newline >&2");
        await EngineSession.Client.WaitContainerAsync(container.Id, EngineSession.Timeout());

        // When its logs are read
        var lines = await EngineSession.Client.GetLogsAsync(container.Id, cancellationToken: EngineSession.Timeout());

        // Then each line is attributed to the stream it was written to, in order, the unterminated one included
        lines.Where(l => l.Stream == LogStream.StdOut).Select(l => l.Text).ShouldBe(["out-1", "out-2"]);
        lines.Where(l => l.Stream == LogStream.StdErr).Select(l => l.Text).ShouldBe(["err-1", "no-newline"]);
    }

    [Test]
    public async Task Logs_WithTail_ReturnOnlyTheLastLines()
    {
        // Given a container that wrote five lines
        await using var container = await EngineSession.StartAsync(null, "sh", "-c", "for i in 1 2 3 4 5; do echo line-$i; done");
        await EngineSession.Client.WaitContainerAsync(container.Id, EngineSession.Timeout());

        // When the last two are asked for
        var lines = await EngineSession.Client.GetLogsAsync(container.Id, tail: 2, EngineSession.Timeout());

        // Then only those come back
        lines.Select(l => l.Text).ShouldBe(["line-4", "line-5"]);
    }

    [Test]
    public async Task FollowLogs_WhileTheContainerWrites_YieldsLinesAsTheyComeAndEndsWhenItExits()
    {
        // Given a container that writes a marker, then waits for a file the test creates, then writes again
        await using var container = await EngineSession.StartAsync(null, "sh", "-c",
            "echo first; while [ ! -e /tmp/go ]; do sleep 0.1; done; echo second >&2");
        var seen = new List<LogLine>();

        // When the logs are followed, and the file is created only after the first line arrived
        await foreach (var line in EngineSession.Client.FollowLogsAsync(container.Id, cancellationToken: EngineSession.Timeout()))
        {
            seen.Add(line);
            if (line.Text == "first")
            {
                var touched = await EngineSession.Client.ExecAsync(container.Id, ["touch", "/tmp/go"], EngineSession.Timeout());
                touched.ExitCode.ShouldBe(0);
            }
        }

        // Then both lines arrived, on their own streams, and the enumeration ended with the container
        seen.ShouldBe([new LogLine(LogStream.StdOut, "first"), new LogLine(LogStream.StdErr, "second")]);
    }

    [Test]
    public async Task Exec_ExitCodes_ZeroAndThreeComeBackWithTheirOutput()
    {
        // Given a running container
        await using var container = await EngineSession.StartAsync(null, "sleep", "300");

        // When a succeeding and a failing command run in it
        var ok = await EngineSession.Client.ExecAsync(container.Id, ["sh", "-c", "echo fine"], EngineSession.Timeout());
        var failed = await EngineSession.Client.ExecAsync(container.Id, ["sh", "-c", "echo partial; echo broken >&2; exit 3"], EngineSession.Timeout());

        // Then each reports its own exit code and streams
        ok.ExitCode.ShouldBe(0);
        ok.Stdout.ShouldBe("fine\n");
        ok.Stderr.ShouldBeEmpty();
        failed.ExitCode.ShouldBe(3);
        failed.Stdout.ShouldBe("partial\n");
        failed.Stderr.ShouldBe("broken\n");
    }

    [Test]
    public async Task Exec_InAMissingContainer_ThrowsWithTheCallAndTheEngineMessage()
    {
        // Given a container id that does not exist
        var missing = "ck-missing-" + Guid.NewGuid().ToString("N")[..8];

        // When a command is run in it
        var ex = await Should.ThrowAsync<DockerApiException>(() => EngineSession.Client.ExecAsync(missing, ["true"], EngineSession.Timeout()));

        // Then the message names the call and carries the engine's words
        ex.Message.ShouldStartWith($"POST /containers/{missing}/exec: 404 ");
        ex.Message.ShouldContain("No such container");
    }
}
