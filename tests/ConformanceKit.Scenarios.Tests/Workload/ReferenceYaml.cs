namespace ConformanceKit.Scenarios.Tests.Workload;

/// <summary>Pod templates that name Secrets and ConfigMaps, written as users and charts write them.</summary>
internal static class ReferenceYaml
{
    /// <summary>A set naming objects in every place the kubelet reads them (one optional, one ConfigMap "provided").</summary>
    public const string EverySource = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          serviceName: db
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              imagePullSecrets: [{name: regcred}]
              initContainers:
              - name: setup
                image: busybox:1.36
                envFrom: [{configMapRef: {name: setup-env}}]
              containers:
              - name: main
                image: postgres:16
                env:
                - {name: MODE, valueFrom: {configMapKeyRef: {name: app-config, key: mode}}}
                - {name: PLAIN, value: "1"}
                - {name: FROM_PROVIDED, valueFrom: {configMapKeyRef: {name: provided, key: a}}}
                envFrom:
                - {secretRef: {name: extra, optional: true}}
                - {secretRef: {name: app-env}}
              volumes:
              - {name: certs, secret: {secretName: tls}}
              - {name: conf, configMap: {name: app-config}}
              - {name: scratch, emptyDir: {}}
              - name: bundle
                projected:
                  sources:
                  - {secret: {name: bundle-key}}
                  - {configMap: {name: bundle-ca}}
                  - {serviceAccountToken: {path: token}}
                  - {configMap: {name: provided}}
        """;

    /// <summary>helm template output of a chart whose set takes its environment from the chart's ConfigMap, with or without that document.</summary>
    public static string HelmChart(bool withConfigMap) => $$"""
        ---
        # Source: app/templates/configmap.yaml
        {{(withConfigMap ? "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: release-name-app-env\ndata:\n  LOG_LEVEL: info" : "")}}
        ---
        # Source: app/templates/headless.yaml
        apiVersion: v1
        kind: Service
        metadata:
          name: release-name-app-headless
        spec:
          clusterIP: None
          selector: {app.kubernetes.io/instance: release-name}
          ports: [{name: http, port: 8080}]
        ---
        # Source: app/templates/statefulset.yaml
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: release-name-app
        spec:
          serviceName: release-name-app-headless
          replicas: 2
          selector:
            matchLabels: {app.kubernetes.io/instance: release-name}
          template:
            metadata:
              labels: {app.kubernetes.io/instance: release-name}
            spec:
              containers:
              - name: app
                image: nginx:1.27.3
                envFrom:
                - configMapRef:
                    name: release-name-app-env
        """;
}
