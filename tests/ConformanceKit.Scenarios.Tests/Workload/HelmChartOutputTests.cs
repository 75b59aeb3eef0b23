using ConformanceKit.Scenarios.Workload;
using k8s;
using k8s.Models;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

/// <summary>The whole path on output shaped like `helm template` of a typical cache chart: load, select, rewrite, judge.</summary>
public sealed class HelmChartOutputTests
{
    private const string Chart = """
        ---
        # Source: cache/templates/serviceaccount.yaml
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: cache
          namespace: "default"
          labels:
            app.kubernetes.io/instance: release-name
        ---
        # Source: cache/templates/networkpolicy.yaml
        ---
        # Source: cache/templates/configmap.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cache-config
          namespace: "default"
        data:
          replica.conf: |
            replicaof cache-0.cache-headless.default.svc.cluster.local 6379
            port 6379
        ---
        # Source: cache/templates/service.yaml
        apiVersion: v1
        kind: Service
        metadata:
          name: cache
          namespace: "default"
        spec:
          type: ClusterIP
          selector: {app.kubernetes.io/name: cache}
          ports: [{name: tcp-redis, port: 6379, targetPort: redis}]
        ---
        # Source: cache/templates/headless-svc.yaml
        apiVersion: v1
        kind: Service
        metadata:
          name: cache-headless
          namespace: "default"
        spec:
          type: ClusterIP
          clusterIP: None
          publishNotReadyAddresses: true
          selector: {app.kubernetes.io/name: cache}
          ports: [{name: tcp-redis, port: 6379, targetPort: redis}]
        ---
        # Source: cache/templates/statefulset.yaml
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: cache
          namespace: "default"
        spec:
          replicas: 3
          serviceName: cache-headless
          persistentVolumeClaimRetentionPolicy:
            whenDeleted: Delete
            whenScaled: Retain
          selector:
            matchLabels: {app.kubernetes.io/name: cache}
          template:
            metadata:
              labels: {app.kubernetes.io/name: cache}
              annotations:
                checksum/config: 5f2b0c
            spec:
              serviceAccountName: cache
              containers:
              - name: redis
                image: docker.io/library/redis:7.2.4
                args: ["--include", "/etc/redis/replica.conf"]
                ports: [{name: redis, containerPort: 6379}]
                readinessProbe:
                  tcpSocket: {port: redis}
                  periodSeconds: 5
                volumeMounts:
                - {name: data, mountPath: /data}
                - {name: config, mountPath: /etc/redis}
              volumes:
              - name: config
                configMap: {name: cache-config}
          volumeClaimTemplates:
          - metadata: {name: data}
            spec:
              accessModes: ["ReadWriteOnce"]
              resources: {requests: {storage: "8Gi"}}
        ---
        # Source: cache/templates/tests/test-connection.yaml
        apiVersion: v1
        kind: Pod
        metadata:
          name: "cache-test-connection"
          annotations:
            "helm.sh/hook": test
        spec:
          containers: [{name: ping, image: "redis:7.2.4", command: [redis-cli, -h, cache, ping]}]
          restartPolicy: Never
        """;

    [Test]
    public void HelmOutput_LoadsSelectsTheSetThroughServiceNameAndIgnoresTheClientService()
    {
        // When
        var workload = WorkloadSelector.Select(ManifestLoader.Load("cache.yaml", Chart));

        // Then the empty networkpolicy document is skipped, the headless Service is the one serviceName names
        workload.Documents.Select(d => d.Subject).ShouldBe(["ServiceAccount/cache", "ConfigMap/cache-config", "Service/cache", "Service/cache-headless", "StatefulSet/cache", "Pod/cache-test-connection"]);
        workload.ServiceDocument.HelmSource.ShouldBe("cache/templates/headless-svc.yaml");
        workload.ServiceDocument.Index.ShouldBe(5);
        workload.StatefulSet.Spec.VolumeClaimTemplates[0].Spec.Resources.Requests["storage"].ToString().ShouldBe("8Gi");
    }

    [Test]
    public void HelmOutput_RewriteMovesEveryDocumentAndReportsTheAddressOfTheOldNamespace()
    {
        // Given
        var documents = ManifestLoader.Load("cache.yaml", Chart);

        // When
        var rewritten = NamespaceRewrite.Apply(documents, "ck-helm-1", new Dictionary<string, string> { ["conformancekit.io/session"] = "s1" });

        // Then every namespace "default" became the scenario's, and the replica address is reported, not changed
        rewritten.Documents.Count.ShouldBe(5);
        rewritten.Omitted.ShouldBe(["cache.yaml document 7 (line 90, # Source: cache/templates/tests/test-connection.yaml) Pod/cache-test-connection: not applied, a Helm test hook (helm.sh/hook: test) that only helm test runs"]);
        rewritten.Changes.Where(c => c.Field == "metadata.namespace").ShouldAllBe(c => c.Old == "default" && c.New == "ck-helm-1");
        rewritten.Changes.Count.ShouldBe(10);
        rewritten.References.Single().ShouldBe(new NamespaceReference(
            "cache.yaml document 3 (line 14, # Source: cache/templates/configmap.yaml) ConfigMap/cache-config", "data.replica.conf",
            "cache-0.cache-headless.default.svc.cluster.local", "default"));
        rewritten.Documents[1].As<V1ConfigMap>()!.Data["replica.conf"].ShouldContain("cache-0.cache-headless.default.svc.cluster.local 6379");
        rewritten.Documents[4].As<V1StatefulSet>()!.Spec.Template.Metadata.Annotations["checksum/config"].ShouldBe("5f2b0c");
    }

    [Test]
    public void HelmOutput_VerdictsFollowTheChartsSettings()
    {
        // Given
        var set = WorkloadSelector.Select(ManifestLoader.Load("cache.yaml", Chart)).StatefulSet;

        // When
        var verdicts = WorkloadCapabilities.Judge(set).ToDictionary(v => v.Promise);

        // Then
        verdicts[WorkloadPromises.Readiness].Reason.ShouldStartWith("Ready is the workload's own readiness probe: redis (tcpSocket :redis)");
        verdicts[WorkloadPromises.ClaimsSurviveTheSet].Outcome.ShouldBe(PromiseOutcome.Violation);
        verdicts[WorkloadPromises.ClaimsSurviveScaleToZero].Outcome.ShouldBe(PromiseOutcome.Check);
        DataMarkerPlan.For(set).Targets.Single().MountPath.ShouldBe("/data");
    }

    [Test]
    public void HelmOutput_JsonForServerSideApply_ReadsBackAsTheSameTypedObjects()
    {
        // Given every document of the chart, typed by the package from the YAML
        var documents = ManifestLoader.Load("cache.yaml", Chart);

        // When each document's JSON is read by the package's JSON reader (as the API server reads an apply patch)
        var deserialize = typeof(KubernetesJson).GetMethods()
            .Single(m => m.Name == nameof(KubernetesJson.Deserialize) && m.GetParameters()[0].ParameterType == typeof(string));
        var pairs = documents.Select(d => (Yaml: d.Typed!, Json: deserialize.MakeGenericMethod(d.Typed!.GetType()).Invoke(null, [RewrittenWorkload.JsonOf(d), null])!)).ToList();

        // Then each is the same object (ints, quantities, quoted strings and the block scalar alike)
        pairs.Count.ShouldBe(6);
        foreach (var (yaml, json) in pairs)
        {
            KubernetesJson.Serialize(json).ShouldBe(KubernetesJson.Serialize(yaml));
        }
    }
}
