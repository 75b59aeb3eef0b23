using NUnit.Framework;

// Scenarios spend their time waiting on the cluster, not on this machine's cores: six run at once by default (each in
// its own namespace, at most six pods), whatever the core count. ./run-tests.sh --parallel N (the NUnit adapter's
// NumberOfTestWorkers) overrides it for a cluster that wants fewer or takes more.
[assembly: LevelOfParallelism(6)]
