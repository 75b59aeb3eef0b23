using ConformanceKit.Cli;

return await CkCommand.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
