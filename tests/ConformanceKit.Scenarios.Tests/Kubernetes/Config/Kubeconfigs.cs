using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;
namespace ConformanceKit.Scenarios.Tests.Kubernetes.Config;

/// <summary>Kubeconfig text for tests: one cluster "dev", one user "ci", one context "dev" (current).</summary>
internal static class Kubeconfigs
{
    /// <summary>
    /// <paramref name="clusterFields"/> and <paramref name="userFields"/> are YAML lines without indentation
    /// (they are indented here); null user means the context names no user.
    /// </summary>
    public static string Single(string[] clusterFields, string[]? userFields, string contextExtra = "", string currentContext = "dev")
    {
        var cluster = string.Join("\n", clusterFields.Select(f => "    " + f));
        var user = userFields is null ? "" : string.Join("\n", userFields.Select(f => "    " + f));
        var users = userFields is null ? "users: []" : $"users:\n- name: ci\n  user:\n{user}";
        var userRef = userFields is null ? "" : "\n    user: ci";
        return $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: dev
              cluster:
            {cluster}
            {users}
            contexts:
            - name: dev
              context:
                cluster: dev{userRef}{contextExtra}
            current-context: {currentContext}

            """;
    }

    public static string WithToken(string server, string token) =>
        Single([$"server: {server}"], [$"token: {token}"]);
}
