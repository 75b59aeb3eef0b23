using System.Security.Cryptography;

namespace SlowSuite;

/// <summary>
/// Stands in for the cluster's namespaces: every creation and deletion is a line in the file CK_TEST_REGISTRY names
/// ("created NAME", "deleted NAME"), which the interrupting self-test reads.
/// </summary>
public sealed class FakeNamespaces(string file)
{
    private readonly Lock gate = new();
    private readonly SortedSet<string> open = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Open
    {
        get
        {
            lock (gate)
            {
                return [.. open];
            }
        }
    }

    public string Create(string test)
    {
        var name = $"ck-{test}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        lock (gate)
        {
            open.Add(name);
            Record($"created {name}");
        }

        return name;
    }

    /// <summary>Deletes every open namespace, like TestNamespaces.DeleteAllOfSessionAsync; returns them sorted.</summary>
    public IReadOnlyList<string> DeleteAll()
    {
        lock (gate)
        {
            var removed = open.ToList();
            foreach (var name in removed)
            {
                Record($"deleted {name}");
            }

            open.Clear();
            return removed;
        }
    }

    public void Record(string line)
    {
        lock (gate)
        {
            File.AppendAllText(file, line + Environment.NewLine);
        }
    }
}
