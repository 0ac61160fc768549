"""Platform logs: Kubernetes klog, Docker/containerd, Windows CBS and event logs, Android
logcat, supercomputer RAS logs (BGL, Thunderbird, HPC) and HAProxy.

Headers are built field by field; message bodies are templates compiled once (see
:func:`fam_syslog.tpl`: ``{slot}`` a typed value, ``«x»`` a literal field, ``‹x›`` a literal
delimiter) whose random values are fields by construction.
"""
from __future__ import annotations

from . import family
from . import values as V
from .builder import Line
from .fam_syslog import (SLOTS, _ZONES_COLON, _chance, _pick, _ri, _rr, control_noise, emit, header, ints,
                         one_of, tpl, tpls, ts_iso)
from .messages import message

# ============================================================================ klog
_K8S_NS = ["default", "kube-system", "monitoring", "ingress-nginx", "cert-manager", "prod",
           "staging", "argocd", "istio-system", "payments"]
_K8S_APPS = ["web", "api", "coredns", "nginx", "redis", "postgres", "worker", "frontend",
             "kube-proxy", "metrics-server", "prometheus", "fluent-bit", "cert-manager-webhook"]
_K8S_FILES = ["controller.go", "reflector.go", "leaderelection.go", "server.go", "kubelet.go",
              "event.go", "round_trippers.go", "shared_informer.go", "garbagecollector.go",
              "replica_set.go", "schedule_one.go", "httplog.go", "controller_utils.go",
              "warnings.go", "dynamic_cafile_content.go", "secure_serving.go", "tlsconfig.go",
              "pod_workers.go", "kuberuntime_manager.go", "eviction_manager.go", "prober.go",
              "reconciler_common.go", "operation_generator.go", "scheduler.go", "node_controller.go"]
_K8S_KINDS = ["Pod", "Deployment", "ReplicaSet", "Service", "Node", "ConfigMap", "Secret",
              "StatefulSet", "DaemonSet", "Job", "Endpoints", "Lease"]
_K8S_RES = ["pods", "secrets", "configmaps", "nodes", "services", "endpoints", "leases",
            "deployments", "events"]


def _pod(r, b, c):
    """``namespace/name-5d78c9869d-x2x9z`` (one field, rule 7)."""
    b.f(_pick(r, _K8S_NS) + "/" + _pod_name(r))


def _pod_name(r):
    app = _pick(r, _K8S_APPS)
    k = _rr(r, 3)
    if k == 0:
        return f"{app}-{V.hexstr(r, _ri(r, 8, 10), prefix='')}-{V.ident(r, 5, 5)}"
    if k == 1:
        return f"{app}-{_ri(r, 0, 5)}"
    return app


def _k8s_node(r, b, c):
    b.f(_pick(r, ["k8s-node-a1", "node1", "node2", "worker-3", "ip-10-0-3-17.ec2.internal",
                   "gke-prod-pool-1-3f2a1b7c-x9z2", "minikube", "kind-control-plane"]))


def _gvk(r, b, c):
    b.f(_pick(r, ["*v1.Pod", "*v1.Secret", "*v1.Node", "*v1.ConfigMap", "*v1.Service",
                   "*v1.Endpoints", "*v1.Namespace", "*v1.PersistentVolumeClaim",
                   "*v1.Lease", "*v1beta1.CSIStorageCapacity"]))


K = dict(SLOTS, pod=_pod, podname=lambda r, b, c: b.f(_pod_name(r)), node=_k8s_node, gvk=_gvk,
         ns=lambda r, b, c: b.f(_pick(r, _K8S_NS)), kind=lambda r, b, c: b.f(_pick(r, _K8S_KINDS)),
         res=lambda r, b, c: b.f(_pick(r, _K8S_RES)),
         app=lambda r, b, c: b.f(_pick(r, _K8S_APPS)),
         img=lambda r, b, c: b.f(_pick(r, ["nginx", "redis", "postgres", "registry.k8s.io/coredns/coredns",
                                           "quay.io/prometheus/prometheus", "ghcr.io/acme/api"])
                                 + ":" + _pick(r, ["1.25", "latest", "v1.11.1", "7.2-alpine", "v2.48.0"])),
         kver=lambda r, b, c: b.f(f"v1.{_ri(r, 18, 30)}.{_ri(r, 0, 12)}"),
         reason=one_of("Scheduled", "Pulled", "Created", "Started", "Killing", "BackOff",
                       "Unhealthy", "FailedScheduling", "SuccessfulCreate", "ScalingReplicaSet"),
         ktype=one_of("Normal", "Normal", "Warning"),
         probe=one_of("Readiness", "Liveness", "Startup"),
         kind1=one_of("pod", "deployment", "replicaset", "statefulset"),
         kdur=lambda r, b, c: b.f(_pick(r, [f"{V.decimal(r, 6)}ms", f"{_ri(r, 1, 999)}.{_ri(r, 0, 999999)}µs",
                                             f"{_ri(r, 0, 59)}.{_ri(r, 0, 999999999):09d}s"])))
KLOG_STRUCT = tpls(
    K,
    '"Reconciling" pod="{pod}"',
    '"Reconciling" {kind1}="{pod}" controller="{res}" controllerGroup="apps" reconcileID="{uuid}"',
    '"Version info" version="{kver}"',
    '"Starting controller" name="{res}"', '"Caches are synced" controller="{res}"',
    '"Event occurred" object="{pod}" fieldPath="" kind="{kind}" apiVersion="v1" type="{ktype}" reason="{reason}" message="Successfully assigned {pod} to {node}"',
    '"SyncLoop (PLEG): event for pod" pod="{pod}" event={ID:"{uuid}" Type:"ContainerStarted" Data:"{hex64}"}',
    '"Probe failed" probeType="{probe}" pod="{pod}" podUID="{uuid}" containerName="{app}" probeResult="failure" output="HTTP probe failed with statuscode: 503"',
    '"Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"{app}\\" with CrashLoopBackOff: \\"back-off 5m0s restarting failed container={app} pod={podname}_{ns}({uuid})\\" - retrying" pod="{pod}" podUID="{uuid}"',
    '"Successfully bound pod to node" pod="{pod}" node="{node}" evaluatedNodes={n2} feasibleNodes={n}',
    '"Unable to schedule pod; no fit; waiting" pod="{pod}" err="0/{n} nodes are available: {n} Insufficient cpu. preemption: 0/{n} nodes are available: {n} No preemption victims found for incoming pod."',
    '"Deleting object" object="{pod}" objectUID="{uuid}" kind="{kind}" propagationPolicy="Background"',
    '"HTTP" verb="GET" URI="/healthz" latency="{kdur}" userAgent="kube-probe/1.28" audit-ID="{uuid}" srcIP="{ipport}" resp=200',
    '"Creating PodSandbox for pod" pod="{pod}"', '"Killing container with a grace period" pod="{pod}" podUID="{uuid}" containerName="{app}" containerID="containerd://{hex64}" gracePeriod=30',
    '"Observed pod startup duration" pod="{pod}" podStartSLOduration={dec} podStartE2EDuration="{kdur}"',
    '"ContainerStatus from runtime service failed" err="rpc error: code = NotFound desc = an error occurred when try to find container \\"{hex64}\\": not found" containerID="{hex64}"',
    '"Fast updating node status as it just became ready"',
    '"Pods in use" pods=["{pod}","{pod}"] attempt={n} ready=true',
    '"Starting DynamicServingCertificateController"',
    '"Starting controller" name="client-ca-bundle::/etc/kubernetes/pki/ca.crt"',
)
KLOG_PLAIN = tpls(
    K,
    "attempting to acquire leader lease {ns}/kube-controller-manager...",
    "successfully acquired lease {ns}/kube-scheduler", "Starting kubelet.",
    "Caches populated for {gvk} from k8s.io/client-go/informers/factory.go:{n3}",
    "k8s.io/client-go/informers/factory.go:{n3}: failed to list {gvk}: {res} is forbidden: User \"system:serviceaccount:{ns}:{app}\" cannot list resource \"{res}\" in API group \"\" at the cluster scope",
    "k8s.io/client-go/informers/factory.go:{n3}: Failed to watch {gvk}: failed to list {gvk}: Get \"https://10.96.0.1:443/api/v1/{res}?limit=500&resourceVersion=0\": dial tcp 10.96.0.1:443: connect: connection refused",
    "error retrieving resource lock {ns}/kube-controller-manager: Get \"https://{ip}:6443/apis/coordination.k8s.io/v1/namespaces/{ns}/leases/kube-controller-manager?timeout=5s\": context deadline exceeded",
    "Event(v1.ObjectReference{Kind:\"{kind}\", Namespace:\"{ns}\", Name:\"{podname}\", UID:\"{uuid}\", APIVersion:\"v1\", ResourceVersion:\"{num}\", FieldPath:\"\"}): type: '{ktype}' reason: '{reason}' Successfully assigned {pod} to {node}",
    "Serving securely on {ipport}", "Serving securely on [{ip6}]:{port}",
    "policy/v1beta1 PodSecurityPolicy is deprecated in v1.21+, unavailable in v1.25+",
    "Successfully pulled image \"{img}\" in {kdur} ({kdur} including waiting)",
    "Started container {app}", "Graceful shutdown of the server complete",
    "lost lease, exiting.", "Waiting for caches to sync for {res}",
    "Setting node annotation to enable volume controller attach/detach",
)
_KLOG_LEVELS = "IIIIIIWWEEF"


def _klog_header(r, b: Line, lv=None):
    """``I1010 13:55:36.123456   12345 file.go:123] `` -- the level letter is glued to the
    timestamp, so the two form one field."""
    lv = lv or _pick(r, _KLOG_LEVELS)
    b.f(lv + V.TIMESTAMP_STYLES["klog"](r, V.moment(r)))
    tid = str(_pick(r, [1, 1, _ri(r, 1, 99999), _ri(r, 1, 9999)]))
    b.d(" " + " " * max(0, 7 - len(tid))).f(tid).sp()
    if _chance(r, 0.1):
        b.f("k8s.io/client-go/tools/" + _pick(r, ["cache/reflector.go", "leaderelection/leaderelection.go",
                                                  "record/event.go"]))
    else:
        b.f(_pick(r, _K8S_FILES))
    b.d(":").f(_ri(r, 20, 1500)).d("] ")


def _klog_body(r, b: Line):
    k = _rr(r, 10)
    if k < 5:
        emit(r, b, _pick(r, KLOG_STRUCT))
    elif k < 9:
        emit(r, b, _pick(r, KLOG_PLAIN))
    else:
        message(r, b)


def cri_prefix(r, b: Line):
    """containerd CRI log file prefix: ``2023-10-10T13:55:36.123456789Z stderr F ``."""
    b.f(ts_iso(r, frac=9, zone=_pick(r, ["Z", "Z", "+00:00", "+02:00"]))).sp()
    b.f(_pick(r, ["stdout", "stderr"])).sp().f(_pick(r, ["F", "F", "F", "P"])).sp()


@family("klog")
def klog(r) -> Line:
    b = Line()
    v = _rr(r, 5)
    if v == 1:                                      # /var/log/pods/...: CRI format
        cri_prefix(r, b)
    elif v == 2:                                    # journald: kubelet[123]: I1010 ...
        header(r, b, _pick(r, ["kubelet", "kube-apiserver", "k3s", "kube-scheduler"]), True,
               _pick(r, ["bsd", "precise", "iso", "journal_iso"]))
    elif v == 3:                                    # kubectl logs --timestamps
        b.f(ts_iso(r, frac=9, zone="Z")).sp()
    _klog_header(r, b)
    if v == 4:                                      # plain (glog-style) messages only
        emit(r, b, _pick(r, KLOG_PLAIN))
    else:
        _klog_body(r, b)
    return b


# ============================================================================ docker
D = dict(K, hex12=lambda r, b, c: b.f(V.hexstr(r, 12, prefix="")),
         plugin=one_of("io.containerd.snapshotter.v1.overlayfs", "io.containerd.snapshotter.v1.btrfs",
                       "io.containerd.grpc.v1.cri", "io.containerd.runtime.v2.task",
                       "io.containerd.content.v1.content", "io.containerd.gc.v1.scheduler",
                       "io.containerd.metadata.v1.bolt", "io.containerd.service.v1.tasks-service"),
         ptype=one_of("io.containerd.snapshotter.v1", "io.containerd.grpc.v1",
                      "io.containerd.runtime.v2", "io.containerd.internal.v1"),
         cname=lambda r, b, c: b.f(_pick(r, _K8S_APPS) + _pick(r, ["", "-1", "_db_1", "-worker"])),
         dver=lambda r, b, c: b.f(f"{_ri(r, 19, 27)}.{_ri(r, 0, 12)}.{_ri(r, 0, 9)}"),
         cver=lambda r, b, c: b.f(f"v1.{_ri(r, 4, 7)}.{_ri(r, 0, 25)}"),
         sig=one_of("15", "9", "2"),
         hex40=lambda r, b, c: b.f(V.hexstr(r, 40, prefix="")),
         apachets=lambda r, b, c: b.f(V.timestamp(r, "apache")),
         redists=lambda r, b, c: b.f(V.moment(r).strftime("%d %b %Y %H:%M:%S.") + f"{_ri(r, 0, 999):03d}"))
DOCKERD_MSGS = tpls(
    D,
    'msg="Starting up"', 'msg="Loading containers: start."', 'msg="Loading containers: done."',
    'msg="libcontainerd: started new containerd process" pid={pid}',
    'msg="parsed scheme: \\"unix\\" from target" module=grpc',
    'msg="Default bridge (docker0) is assigned with an IP address 172.17.0.0/16. Daemon option --bip can be used to set a preferred IP address"',
    'msg="Docker daemon" commit={hexs} graphdriver=overlay2 version={dver}',
    'msg="Daemon has completed initialization"', 'msg="API listen on /run/docker.sock"',
    'msg="shim disconnected" id={hex64} namespace=moby',
    'msg="cleaning up dead shim" namespace=moby',
    'msg="ignoring event" container={hex64} module=libcontainerd namespace=moby topic=/tasks/delete type="*events.TaskDelete"',
    'msg="Container failed to exit within 10s of signal {sig} - using the force" container={hex64}',
    'msg="Handler for GET /v1.43/containers/{hex12}/json returned error: No such container: {hex12}"',
    'msg="Attempting next endpoint for pull after error: manifest unknown: manifest unknown"',
    'msg="Error getting v2 registry: Get \\"https://registry-1.docker.io/v2/\\": dial tcp: lookup registry-1.docker.io on {ip}:53: no such host"',
    'msg="Firewalld: interface docker0 already part of docker zone, returning"',
    'msg="stopping event stream following graceful shutdown" error="context canceled" module=libcontainerd namespace=moby',
    'msg="{word} {word}" container={hex64} error="{word} {word}: {word}"',
)
CONTAINERD_MSGS = tpls(
    D,
    'msg="starting containerd" revision={hex40} version={cver}',
    'msg="loading plugin \\"{plugin}\\"..." type={ptype}',
    'msg="skip loading plugin \\"io.containerd.snapshotter.v1.btrfs\\"..." error="path /var/lib/containerd/io.containerd.snapshotter.v1.btrfs (ext4) must be a btrfs filesystem to be used with the btrfs snapshotter: skip plugin" type=io.containerd.snapshotter.v1',
    'msg=serving... address=/run/containerd/containerd.sock.ttrpc',
    'msg="containerd successfully booted in {dec}s"',
    'msg="StartContainer for \\"{hex64}\\" returns successfully"',
    'msg="shim disconnected" id={hex64} namespace=k8s.io',
    'msg="Pulled image \\"{img}\\" with image id \\"sha256:{hex64}\\", repo tag \\"{img}\\", size \\"{num}\\" in {kdur}"',
    'msg="StopPodSandbox for \\"{hex64}\\" returns successfully"',
    'msg="connecting to shim {hex64}" address="unix:///run/containerd/s/{hex64}" namespace=k8s.io protocol=ttrpc version=3',
)
_DOCKER_LEVELS = ["info", "info", "info", "warning", "error", "debug", "fatal"]


def _logrus(r, b: Line, msgs):
    """``time="..." level=info msg="..." k=v``"""
    if _chance(r, 0.85):
        b.f("time").d('="').f(ts_iso(r, frac=_pick(r, [9, 9, 6]), zone=_pick(r, ["Z", "+02:00", "-05:00", "+00:00"])))
        b.d('" ')
    b.kv("level", _pick(r, _DOCKER_LEVELS)).sp()
    emit(r, b, _pick(r, msgs))
    if _chance(r, 0.15):
        b.sp().f(_pick(r, ["spanID", "traceID"])).d("=").f(V.hexstr(r, 16, prefix=""))


_APP_LINES = tpls(
    D,
    '{ip} «-» «-» [{apachets}] "GET /{word} HTTP/1.1" 200 {num} "-" "curl/8.4.0" "-"',
    "Listening on port {port}", "Ready to accept connections tcp",
    "* Ready to accept connections", "{num}:M {redists} * Background saving terminated with success",
    "[notice] {n}#{n}: start worker process {pid}",
    "npm WARN deprecated {word}@{ver}: this package is no longer supported.",
)


@family("docker")
def docker(r) -> Line:
    b = Line()
    v = _rr(r, 6)
    if v == 0:                                      # dockerd logrus
        _logrus(r, b, DOCKERD_MSGS)
    elif v == 1:                                    # containerd logrus
        _logrus(r, b, CONTAINERD_MSGS)
    elif v == 2:                                    # through syslog / journald
        prog = _pick(r, ["dockerd", "containerd", "docker"])
        header(r, b, prog, True, _pick(r, ["bsd", "precise", "iso", "journal_iso"]))
        _logrus(r, b, CONTAINERD_MSGS if prog == "containerd" else DOCKERD_MSGS)
    elif v == 3:                                    # docker logs --timestamps
        b.f(ts_iso(r, frac=9, zone=_pick(r, ["Z", "Z", "+02:00"]))).sp()
        if _chance(r, 0.5):
            emit(r, b, _pick(r, _APP_LINES))
        else:
            message(r, b)
    elif v == 4:                                    # docker events
        b.f(ts_iso(r, frac=9, zone=_pick(r, _ZONES_COLON[1:4]))).sp()
        kind, action = _pick(r, [("container", "start"), ("container", "die"), ("container", "create"),
                                  ("container", "kill"), ("network", "connect"), ("image", "pull"),
                                  ("container", "health_status: healthy"), ("volume", "mount")])
        b.f(kind).sp()
        for i, w in enumerate(action.split(" ")):
            if i:
                b.sp()
            b.f(w.rstrip(":")).d(":" if w.endswith(":") else "")
        b.sp().f(V.hexstr(r, 64, prefix="")).sp().d("(")
        b.kv("image", _pick(r, ["nginx", "redis", "postgres", "alpine", "myapp"]))
        b.d(", ").kv("name", _pick(r, _K8S_APPS))
        if action == "die":
            b.d(", ").kv("exitCode", _pick(r, ["0", "1", "137", "143"]))
        if action == "kill":
            b.d(", ").kv("signal", _pick(r, ["15", "9"]))
        b.d(")")
    else:                                           # CRI log file: <ts> stdout F <app line>
        cri_prefix(r, b)
        if _chance(r, 0.4):
            emit(r, b, _pick(r, _APP_LINES))
        else:
            message(r, b)
    return control_noise(r, b)


# ============================================================================ windows_cbs
def _winpath(r, b, c):
    b.f(V.win_path(r))


def _cbscore(r, b, c):
    v = f"6.{_ri(r, 1, 3)}.{_ri(r, 7600, 9600)}.{_ri(r, 16000, 24000)}"
    b.f("C:\\Windows\\winsxs\\amd64_microsoft-windows-servicingstack_31bf3856ad364e35_" + v
        + "_none_" + V.hexstr(r, 16, prefix="") + "\\cbscore.dll")


def _winpkg(r, b, c):
    b.f(_pick(r, ["Package_for_KB" + str(_ri(r, 2000000, 5999999)), "Microsoft-Windows-Foundation-Package",
                   "Package_" + str(_ri(r, 1, 999)) + "_for_KB" + str(_ri(r, 2000000, 5999999)),
                   "Microsoft-Windows-Client-LanguagePack-Package", "Package_for_RollupFix"])
        + "~31bf3856ad364e35~" + _pick(r, ["amd64", "x86", "wow64"]) + "~~"
        + f"{_ri(r, 6, 10)}.{_ri(r, 0, 3)}.{_ri(r, 1, 9999)}.{_ri(r, 0, 999)}")


def _hresult(r, b, c):
    code, name = _pick(r, [("0x80004005", "E_FAIL"), ("0x800f0805", "CBS_E_INVALID_PACKAGE"),
                            ("0x800f080d", "CBS_E_MANIFEST_INVALID_ITEM"), ("0x00000000", "S_OK"),
                            ("0x80070002", "ERROR_FILE_NOT_FOUND"), ("0x800f081f", "CBS_E_SOURCE_MISSING"),
                            ("0x80070490", "ERROR_NOT_FOUND"), ("0x00000001", "S_FALSE")])
    b.d("[").f("HRESULT").d(" = ").f(code).d(" - ").f(name).d("]")


def _stack(r, b, c):
    """``(stack @0x7fed806eb5d @0x7fef9fb9b6d ...)``: each ``@`` is a delimiter."""
    b.f("stack")
    for _ in range(_ri(r, 2, 7)):
        b.d(" @").f("0x" + V.hexstr(r, _ri(r, 7, 11), prefix=""))


def _session(r, b, c):
    b.f(f"{_ri(r, 30000000, 31999999)}_{_ri(r, 10 ** 9, 4 * 10 ** 9)}")


W = dict(SLOTS, winpath=_winpath, cbscore=_cbscore, winpkg=_winpkg, hr=_hresult, stack=_stack,
         sess=_session, winver=lambda r, b, c: b.f(f"v6.{_ri(r, 1, 3)}.{_ri(r, 7600, 9600)}.{_ri(r, 16000, 24000)}"),
         client=one_of("WindowsUpdateAgent", "TrustedInstaller", "CbsTask", "SPP", "UpdateAgentLCU"),
         state=one_of("Installed", "Staged", "Absent", "Default", "Resolved", "Superseded"),
         dll=one_of("Accessibility.dll", "System.Web.dll", "comctl32.dll", "mscorlib.dll"),
         dismclass=one_of("CDISMProviderStore::GetProviderCollection", "CDISMManager::CreateImageSession",
                          "CDISMPackageManager::Finalize", "CPackageManagerCLIHandler::Private_ProcessFeatureChange",
                          "CDISMProviderStore::Internal_LoadProvider"))
CBS_MSGS = tpls(
    W,
    "Loaded Servicing Stack {winver} with Core: {cbscore}",
    "Starting TrustedInstaller initialization.", "Ending TrustedInstaller initialization.",
    "Starting the TrustedInstaller main loop.", "TrustedInstaller service starts successfully.",
    "SQM: Initializing online with Windows opt-in: False",
    "SQM: Cleaning up report files older than 10 days.", "SQM: Requesting upload of all unsent reports.",
    "SQM: Failed to start upload with file pattern: «C:\\Windows\\servicing\\sqm\\*_std.sqm», flags: 0x2 {hr}",
    "SQM: Failed to start standard sample upload. {hr}",
    "SQM: Queued 0 file(s) for upload with pattern: «C:\\Windows\\servicing\\sqm\\*_all.sqm», flags: 0x6",
    "SQM: Warning: Failed to upload all unsent reports. {hr}",
    "No startup processing required, TrustedInstaller service was not set as autostart, or else a reboot is still pending.",
    "NonStart: Checking to ensure startup processing was not required.",
    "NonStart: Success, startup processing not required as expected.",
    "Startup processing thread terminated normally",
    "Session: {sess} initialized by client {client}.",
    "Session: {sess} initialized by client DISM Package Manager Provider, external staging directory: (null), external registry directory: (null)",
    "Read out cached package applicability for package: {winpkg}, ApplicableState: {n3}, CurrentState:{n3}",
    "Failed to internally open package. {hr}",
    "Exec: Processing complete, session(Corruption Repairing): {sess} {hr}",
    "Exec: Processing complete.  Session: {sess}, Package: {winpkg} {hr}",
    "Warning: Unrecognized packageExtended attribute.", "Expecting attribute name {hr}",
    "Failed to get next element {hr}", "Reboot mark cleared",
    "Winlogon: Simplifying Winlogon CreateSession notifications",
    "Winlogon: Registering for CreateSession notifications",
    "Appl: detect Parent, Package: {winpkg}, Parent: {winpkg}, Disposition = Detect, VersionComp: EQ, ServiceComp: GE, BuildComp: GE, DistributionComp: GE, RevisionComp: GE, Exist: present",
    "Plan: Package: {winpkg}, Update: {num}-{n2}_neutral_GDR, current: {state}, pending: Default, start: {state}, applicable: {state}, targeted: {state}, limit: {state}",
    "Exec: Download qualified for package: {winpkg}", "Scavenge: Begin CSI Store",
    "Scavenge: Completed, disposition: 0x0", "Repr: CBS Store check completes",
    "Added {winpath} to WER report.", "Failed to load the COMPONENTS hive from '{winpath}' into registry key 'HKLM\\COMPONENTS'. {hr}",
    "Checking System Update Readiness.", "CBS Catalog Integrity: Deleting the catalog: {winpath}",
)
CSI_MSGS = tpls(
    W,
    "WcpInitialize (wcp.dll version 0.0.0.6) called ({stack})",
    "IAdvancedInstallerAwareStore_ResolvePendingTransactions (call 1) (flags = 00000004, progress = NULL, phase = 0, pdwDisposition = @{hex}",
    "Created NT transaction (seq {n}) result 0x00000000, handle @{hex}",
    "CSI perf trace: CSIPERF:TXCOMMIT;{num}", "[SR] Verifying 100 (0x0000000000000064) components",
    "[SR] Beginning Verify and Repair transaction", "[SR] Verify complete", "[SR] Repairing {n} components",
    "[SR] Cannot repair member file [l:{n2}{{n2}}]\"{dll}\" of Accessibility, Version = 6.1.7600.16385, pA = PROCESSOR_ARCHITECTURE_MSIL (8), Culture neutral, VersionScope neutral, PublicKeyToken = {l:8 b:b03f5f7f11d50a3a}, Type neutral, TypeName neutral, PublicKey neutral in the store, hash mismatch",
    "Direct SIL provider: Number of files opened: {n}.",
    "Performing {n2} operations; {n2} are not lock/unlock and follow:",
    "Store coherency cookie matches last scavenge cookie, skipping scavenge.",
    "Poqexec successfully registered in [ml:26‹{›13‹}›,l:24‹{›12‹}›]\"SetupExecute\"",
    "Ending the TrustedInstaller main loop.", "Hashes for file member \\SystemRoot\\WinSxS\\{hexs}\\{dll} do not match actual file [l:{n2}]\"{dll}\" :",
)
DISM_MSGS = tpls(
    W,
    "DISM Provider Store: PID={num} TID={num} Getting the collection of providers from a local provider store type. - {dismclass}",
    "DISM Manager: PID={num} TID={num} physical location path: «C:\\» - {dismclass}",
    "DISM Package Manager: PID={num} TID={num} Finished processing command. - {dismclass}",
    "DISM.EXE: Succesfully registered commands for the provider: OSServices.",
    "DISM Provider Store: PID={num} TID={num} Loading Provider from location {winpath} - {dismclass}",
)
_CBS_LEVELS = ["Info", "Info", "Info", "Info", "Warning", "Error", "Perf"]


def _csi_ts(r):
    """CSI's own stamp ``2016/9/27:20:30:31.455`` (unpadded month/day)."""
    t = V.moment(r)
    return f"{t.year}/{t.month}/{t.day}:{t:%H:%M:%S}.{t.microsecond // 1000:03d}"


@family("windows_cbs")
def windows_cbs(r) -> Line:
    b = Line()
    v = _rr(r, 5)
    b.f(V.moment(r).strftime("%Y-%m-%d %H:%M:%S")).d(", ")
    lv = _pick(r, _CBS_LEVELS)
    b.f(lv).d(" " * (22 - len(lv)))
    if v in (0, 1):                                 # CBS    message
        b.f("CBS").d("    ")
        emit(r, b, _pick(r, CBS_MSGS))
    elif v == 2:                                    # CSI    00000001@2016/9/27:20:30:31.455 msg
        b.f("CSI").d("    ").f(f"{_ri(r, 1, 0x3ff):08x}")
        if _chance(r, 0.5):
            b.d("@").f(_csi_ts(r))
        b.sp()
        emit(r, b, _pick(r, CSI_MSGS))
    elif v == 3:                                    # DISM   DISM Provider Store: PID=.. - Class::Method
        b.f("DISM").d("   ")
        emit(r, b, _pick(r, DISM_MSGS))
    else:                                           # other components, generic text
        comp = _pick(r, ["CBS", "CSI", "DPX", "CMIAPI", "SXS"])
        b.f(comp).d(" " * (7 - len(comp)))
        message(r, b)
    return b


# ============================================================================ windows_event
def _svc(r, b, c):
    if _chance(r, 0.1):
        b.f("SQL").sp().f("Server").d(" (").f(_pick(r, ["MSSQLSERVER", "SQLEXPRESS"])).d(")")
        return
    b.words(_pick(r, ["Windows Update", "Background Intelligent Transfer Service", "Print Spooler",
                      "WinHTTP Web Proxy Auto-Discovery Service", "Windows Modules Installer",
                      "Microsoft Defender Antivirus Service", "Windows Error Reporting Service",
                      "Software Protection", "Remote Registry"]))


def _exe(r, b, c):
    b.f(_pick(r, ["chrome.exe", "explorer.exe", "svchost.exe", "w3wp.exe", "outlook.exe",
                   "MsMpEng.exe", "sqlservr.exe", "java.exe", "OneDrive.exe", "App.exe"]))


def _sid(r, b, c):
    b.f(_pick(r, ["S-1-5-18", "S-1-5-19", "S-1-5-20", "S-1-0-0",
                   f"S-1-5-21-{_ri(r, 10 ** 9, 4 * 10 ** 9)}-{_ri(r, 10 ** 9, 4 * 10 ** 9)}-{_ri(r, 10 ** 8, 4 * 10 ** 9)}-{_ri(r, 500, 2000)}"]))


def _guid(r, b, c):
    b.d("{").f(V.uuid(r).upper()).d("}")


def _wuser(r, b, c):
    b.f(_pick(r, ["SYSTEM", "Administrator", _pick(r, V.NAMES[:12]), "svc_sql", "WIN-SRV01$"]))


E = dict(SLOTS, svc=_svc, exe=_exe, sid=_sid, guid=_guid, wuser=_wuser,
         winpath=_winpath, state=one_of("running", "stopped"),
         ltype=one_of("2", "3", "5", "7", "10", "11"),
         dom=lambda r, b, c: b.words(_pick(r, ["WORKGROUP", "CORP", "NT AUTHORITY", "CONTOSO"])),
         ver4=lambda r, b, c: b.f(".".join(str(_ri(r, 0, 20000)) for _ in range(4))),
         isoz=lambda r, b, c: b.f(ts_iso(r, frac=9, zone="Z")),
         kb=lambda r, b, c: b.f("KB" + str(_ri(r, 2000000, 5999999))))
# (source, event id, task category, [level], description template)
_EVENTS = [
    ("Microsoft-Windows-Security-Auditing", "4624", "Logon", "Audit Success",
     "An account was successfully logged on.  Subject: Security ID: {sid} Account Name: {wuser} Account Domain: {dom} Logon ID: {hex}  Logon Type: {ltype}"),
    ("Microsoft-Windows-Security-Auditing", "4624", "Logon", "Audit Success", "An account was successfully logged on."),
    ("Microsoft-Windows-Security-Auditing", "4625", "Logon", "Audit Failure",
     "An account failed to log on.  Subject: Security ID: {sid} Account Name: {wuser}  Failure Information: Failure Reason: Unknown user name or bad password. Status: 0xC000006D Sub Status: 0xC000006A  Network Information: Workstation Name: {host} Source Network Address: {ip} Source Port: {cport}"),
    ("Microsoft-Windows-Security-Auditing", "4634", "Logoff", "Audit Success", "An account was logged off."),
    ("Microsoft-Windows-Security-Auditing", "4672", "Special Logon", "Audit Success", "Special privileges assigned to new logon."),
    ("Microsoft-Windows-Security-Auditing", "4688", "Process Creation", "Audit Success",
     "A new process has been created.  Creator Subject: Security ID: {sid} Account Name: {wuser}  New Process Name: {winpath} Token Elevation Type: %%1936"),
    ("Microsoft-Windows-Security-Auditing", "4740", "User Account Management", "Audit Success", "A user account was locked out."),
    ("Microsoft-Windows-Security-Auditing", "4720", "User Account Management", "Audit Success", "A user account was created."),
    ("Microsoft-Windows-Security-Auditing", "5156", "Filtering Platform Connection", "Audit Success",
     "The Windows Filtering Platform has permitted a connection.  Application Name: \\device\\harddiskvolume2\\windows\\system32\\svchost.exe Source Address: {ip} Source Port: {cport} Destination Address: {ip} Destination Port: {port} Protocol: 6"),
    ("Service Control Manager", "7036", "None", "Information", "The {svc} service entered the {state} state."),
    ("Service Control Manager", "7034", "None", "Error", "The {svc} service terminated unexpectedly.  It has done this {n} time(s)."),
    ("Service Control Manager", "7040", "None", "Information", "The start type of the {svc} service was changed from demand start to auto start."),
    ("Service Control Manager", "7000", "None", "Error", "The {svc} service failed to start due to the following error: The system cannot find the file specified."),
    ("Microsoft-Windows-Kernel-General", "12", "(1)", "Information", "The operating system started at system time {isoz}."),
    ("Microsoft-Windows-Kernel-General", "13", "(1)", "Information", "The operating system is shutting down at system time {isoz}."),
    ("Microsoft-Windows-Kernel-Power", "41", "(63)", "Critical", "The system has rebooted without cleanly shutting down first. This error could be caused if the system stopped responding, crashed, or lost power unexpectedly."),
    ("EventLog", "6005", "None", "Information", "The Event log service was started."),
    ("EventLog", "6006", "None", "Information", "The Event log service was stopped."),
    ("EventLog", "6013", "None", "Information", "The system uptime is {num} seconds."),
    ("Application Error", "1000", "(100)", "Error",
     "Faulting application name: {exe}, version: {ver4}, time stamp: {hex} Faulting module name: {exe}, version: {ver4}, time stamp: {hex} Exception code: 0xc0000005 Fault offset: {hex} Faulting process id: {hex}"),
    ("Application Hang", "1002", "(101)", "Error", "The program {exe} version {ver4} stopped interacting with Windows and was closed."),
    (".NET Runtime", "1026", "None", "Error", "Application: {exe} Framework Version: v4.0.30319 Description: The process was terminated due to an unhandled exception. Exception Info: System.IO.FileNotFoundException"),
    ("Microsoft-Windows-WindowsUpdateClient", "19", "Windows Update Agent", "Information",
     "Installation Successful: Windows successfully installed the following update: Security Intelligence Update for Microsoft Defender Antivirus - {kb} (Version 1.{n3}.{num}.0)"),
    ("MSSQLSERVER", "18456", "Logon", "Audit Failure", "Login failed for user '{user}'. Reason: Password did not match that for the login provided. [CLIENT: {ip}]"),
    ("Microsoft-Windows-DNS-Client", "1014", "(1014)", "Warning", "Name resolution for the name {fqdn} timed out after none of the configured DNS servers responded."),
    ("disk", "7", "None", "Error", "The device, «\\Device\\Harddisk1\\DR1», has a bad block."),
    ("Microsoft-Windows-DistributedCOM", "10016", "None", "Warning",
     "The application-specific permission settings do not grant Local Activation permission for the COM Server application with CLSID {guid} and APPID {guid} to the user NT AUTHORITY\\SYSTEM SID ({sid}) from address LocalHost (Using LRPC)."),
    ("Microsoft-Windows-Winlogon", "7001", "(1101)", "Information", "User Logon Notification for Customer Experience Improvement Program"),
    ("Microsoft-Windows-GroupPolicy", "1502", "None", "Information", "The Group Policy settings for the computer were processed successfully. New settings from {n} Group Policy objects were detected and applied."),
    ("BillingService", "0", "None", "Error", "{msg}"), ("MyApp", "1000", "None", "Information", "{msg}"),
    ("ASP.NET 4.0.30319.0", "1309", "Web Event", "Warning", "Event code: 3005 Event message: {msg}"),
]
_EVENTS = [(s, i, t, l, tpl(d, E)) for s, i, t, l, d in _EVENTS]
_EDGE_END = set(" \t\"'])}>,;|=:")
_EDGE_START = set(" \t\"'[({<,;|=")
_EV_LEVELS = {"Audit Success": "Information", "Audit Failure": "Information"}


def _evts(r):
    t = V.moment(r)
    k = _rr(r, 4)
    if k == 0:                                      # US locale: 10/10/2023 1:55:36 PM
        return f"{t.month}/{t.day}/{t.year} {(t.hour % 12) or 12}:{t:%M:%S} {'PM' if t.hour >= 12 else 'AM'}"
    if k == 1:
        return t.strftime("%Y-%m-%d %H:%M:%S")
    if k == 2:                                      # German locale
        return t.strftime("%d.%m.%Y %H:%M:%S")
    return t.strftime("%m/%d/%Y %H:%M:%S")


@family("windows_event")
def windows_event(r) -> Line:
    b = Line()
    src, eid, task, kw, desc = _pick(r, _EVENTS)
    level = _EV_LEVELS.get(kw, kw)
    v = _rr(r, 5)
    flat = None
    if v in (1, 2):                                 # the description as one quoted value
        sub = Line()
        emit(r, sub, desc)
        flat = sub.text.strip()
        if flat[-1] in _EDGE_END or flat[0] in _EDGE_START or '"' in flat or \
                any(ch < " " for ch in flat):
            # keep the one-field cell clean: text ending in ) ], holding quotes, tabs or
            # escape sequences is written unquoted instead
            v, flat = 0 if v == 1 else 2, None
    if v == 0:                                      # Event Viewer "Save as text" (TSV)
        b.words(level if _chance(r, 0.5) else kw).d("\t").f(_evts(r)).d("\t").words(src)
        b.d("\t").f(eid).d("\t")
        if task.startswith("("):
            b.d("(").f(task[1:-1]).d(")")
        else:
            b.words(task)
        b.d("\t")
        emit(r, b, desc)
    elif v == 1:                                    # CSV export: quoted cells
        b.f(level).d(",").f(_evts(r)).d(",")
        if " " in src:
            b.quoted(src)
        else:
            b.f(src)
        b.d(",").f(eid).d(",")
        if task.startswith("("):
            b.d("(").f(task[1:-1]).d(")")          # (101) needs no CSV quoting
        elif " " in task:
            b.quoted(task)
        else:
            b.f(task)
        b.d(',"').f(flat).d('"')                   # the description cell: one quoted value
    elif v == 2:                                    # Level=Error Source=... EventID=... key=value
        b.kv("Level", level)
        b.sp().kv("Source", src, q='"' if " " in src else "")
        b.sp().kv("EventID", eid)
        if _chance(r, 0.5):
            b.sp().kv("Computer", _pick(r, ["WIN-SRV01", "DC01.corp.local", "DESKTOP-7H2K9QF", "SQL02"]))
        if _chance(r, 0.4):
            b.sp().kv("TimeCreated", ts_iso(r, frac=_pick(r, [3, 7]), zone="Z"))
        if _chance(r, 0.3):
            b.sp().kv("Channel", _pick(r, ["Security", "System", "Application"]))
        b.sp().f(_pick(r, ["Message", "Description", "msg"])).d("=")
        if flat is not None and _chance(r, 0.6):
            b.quoted(flat)
        else:
            emit(r, b, desc)
    elif v == 3:                                    # Snare / NXLog over syslog, tab separated
        # <13>Oct 10 13:55:36 HOST MSWinEventLog<TAB>criticality<TAB>log<TAB>counter<TAB>date...
        host = _pick(r, ["WIN-SRV01", "DC01", "DESKTOP-7H2K9QF", "SQL02"])
        if _chance(r, 0.5):
            b.d("<").f(_ri(r, 0, 191)).d(">")
        b.f(V.timestamp(r, "syslog")).sp().f(host).sp().f("MSWinEventLog").d("\t")
        b.f(_ri(r, 0, 4)).d("\t").f(_pick(r, ["Security", "System", "Application"])).d("\t")
        b.f(_ri(r, 1, 999999)).d("\t").f(V.moment(r).strftime("%a %b %d %H:%M:%S %Y")).d("\t")
        b.f(eid).d("\t").words(src).d("\t").f("N/A").d("\t").f("N/A").d("\t")
        b.words(kw if kw.startswith("Audit") else level).d("\t").f(host).d("\t")
        if task.startswith("("):
            b.d("(").f(task[1:-1]).d(")")
        else:
            b.words(task)
        b.d("\t\t")
        emit(r, b, desc)
        if _chance(r, 0.5):
            b.d("\t").f(_ri(r, 1, 999999))
    else:                                           # Get-EventLog table, fixed-width columns
        idx = str(_ri(r, 1, 99999))
        t = V.moment(r)
        b.d(" " * (6 - len(idx))).f(idx).sp().f(t.strftime("%b %d %H:%M")).d("  ")
        lv = _pick(r, ["Information", "Warning", "Error", "SuccessA...", "FailureA..."])
        if lv.endswith("..."):
            b.f(lv[:-3]).d("...").d(" " * 2)
        else:
            b.f(lv).d(" " * (13 - len(lv)))
        b.words(src if len(src) < 24 else src[:20] + "...").d(" " * _ri(r, 1, 3))
        b.d(" " * (10 - len(eid))).f(eid).sp()
        emit(r, b, desc)
    return b


# ============================================================================ logcat
_PKGS = ["com.android.systemui", "com.tencent.mm", "com.android.chrome", "com.whatsapp",
         "com.google.android.gms", "com.example.app", "com.android.phone", "com.tencent.qt.qtl",
         "com.android.settings", "com.spotify.music", "com.google.android.apps.maps"]
_ACTS = [".MainActivity", ".activity.info.NewsDetailXmlActivity", ".Settings", ".ui.HomeActivity",
         "/com.google.android.apps.chrome.Main", ".LauncherActivity", ".activity.SplashActivity"]


def _comp(r, b, c):
    """``com.tencent.qt.qtl/.activity.info.NewsDetailXmlActivity`` (one field, decision 23)."""
    act = _pick(r, _ACTS)
    b.f(_pick(r, _PKGS) + ("/" + act if act.startswith(".") else act))


L = dict(SLOTS, comp=_comp, pkg=lambda r, b, c: b.f(_pick(r, _PKGS)),
         bool=one_of("false", "true"),
         tagv=one_of("View Lock", "RILJ_ACK_WL", "*alarm*", "NetworkStats", "WindowManager",
                     "AudioMix", "*job*/com.google.android.gms/.gcm.HeartbeatChimeraService"),
         act=one_of("android.intent.action.SCREEN_ON", "android.intent.action.SCREEN_OFF",
                    "android.intent.action.BATTERY_CHANGED", "android.net.conn.CONNECTIVITY_CHANGE",
                    "android.intent.action.TIME_TICK"),
         gcsize=lambda r, b, c: b.f(f"{_ri(r, 1, 99999)}{_pick(r, ['KB', 'MB', 'B'])}"),
         gcdur=lambda r, b, c: b.f(f"{V.decimal(r, 3)}ms"))
LOGCAT_BY_TAG = [
    ("PowerManagerService", tpls(
        L, 'acquire lock={num}, flags={hex}, tag="{tagv}", name={pkg}, ws=null, uid={num}, pid={pid}',
        'release:lock={num}, flg=0x0, tag="{tagv}", name={pkg}‹"›, ws=WorkSource{{num}}, uid={num}, pid={pid}',
        "userActivityNoUpdateLocked: eventTime={num}, event=2, flags=0x0, uid=1000",
        "Waking up from sleep (uid {num})...", "Going to sleep due to screen timeout (uid {num})...")),
    ("WindowManager", tpls(
        L, "printFreezingDisplayLogsopening app wtoken = AppWindowToken{{hexs} token=Token{{hexs} ActivityRecord{{hexs} u0 {comp} t{num}}}}, allDrawn= {bool}, startingDisplayed =  {bool}, startingMoved =  {bool}, isRelaunching =  {bool}",
        "setAppVisibility(Token{{hexs} ActivityRecord{{hexs} u0 {comp} t{num}}}, visible={bool}): mOpeningApps=[] mClosingApps=[]",
        "Failed looking up window callers=com.android.server.wm.WindowManagerService.windowForClientLocked:{num} com.android.server.wm.Session.relayout:{num}",
        "Destroying surface Surface(name={comp}) called by com.android.server.wm.WindowStateAnimator.destroySurface:{num}",
        "Skipping {comp} because Token{{hexs} ActivityRecord{{hexs} u0 {comp} t{num}}} is not visible")),
    ("ActivityManager", tpls(
        L, "Start proc {pid}:{pkg}/u0a{n3} for activity {comp}",
        "Displayed {comp}: +{n}s{n3}ms", "Process {pkg} (pid {pid}) has died",
        "Killing {pid}:{pkg}/u0a{n3} (adj {n3}): empty #{n2}",
        "START u0 {act=android.intent.action.MAIN cat=[android.intent.category.LAUNCHER] flg=0x10200000 cmp={comp}} from uid {num}",
        "Slow operation: {num}ms so far, now at startProcess: done starting proc!")),
    ("Choreographer", tpls(L, "Skipped {n2} frames!  The application may be doing too much work on its main thread.")),
    ("DisplayPowerController", tpls(
        L, "Animating brightness: target={n3}, rate={n2}", "Blocking screen on until initial contents have been drawn.",
        "Unblocked screen on after {num} ms")),
    ("ViewRootImpl", tpls(
        L, "setSystemUiVisibility vis={hexs} mask={hexs} oldVal={hexs} newVal={hexs} diff={hexs} fullscreenStackVis=0 dockedStackVis=0, fullscreenStackBounds=Rect(0, 0 - 0, 0), dockedStackBounds=Rect(0, 0 - 0, 0)",
        "Relayout returned: old=[0,0][1080,1920] new=[0,0][1080,1920] result={hex} surface={isValid=true {num}} surfaceGenerationChanged=false")),
    ("wpa_supplicant", tpls(
        L, "{iface}: CTRL-EVENT-CONNECTED - Connection to {mac} completed [id={n} id_str=]",
        "{iface}: CTRL-EVENT-DISCONNECTED bssid={mac} reason=3 locally_generated=1",
        "{iface}: Trying to associate with SSID 'HomeWifi'")),
    ("AndroidRuntime", tpls(
        L, "FATAL EXCEPTION: main", "Process: {pkg}, PID: {pid}",
        "java.lang.NullPointerException: Attempt to read from field ‹'›«int android.view.View.mViewFlags»‹'› on a null object reference",
        "at {pkg}.MainActivity.onCreate(MainActivity.java:{n2})", "Shutting down VM")),
    ("art", tpls(
        L, "Background concurrent copying GC freed {num}({gcsize}) AllocSpace objects, {n}({gcsize}) LOS objects, {n2}% free, {gcsize}/{gcsize}, paused {gcdur} total {gcdur}",
        "Late-enabling -Xcheck:jni", "Not late-enabling -Xcheck:jni (already on)")),
    ("chromium", tpls(
        L, '[INFO:CONSOLE({n2})] "Uncaught TypeError: Cannot read property \'length\' of undefined", source: {url} ({n2})',
        "[WARNING:dns_config_service_android.cc({n3})] Failed to read DnsConfig.")),
    ("ConnectivityService", tpls(
        L, "NetworkAgentInfo [WIFI () - {n3}] validation passed", "Switching to new default network: NetworkAgentInfo{ ni{[type: WIFI[], state: CONNECTED/CONNECTED]}  network{{n3}} }")),
    ("KeyguardUpdateMonitor", tpls(L, "onReceive: action={act}", "handleBatteryUpdate", "received broadcast {act}")),
    ("DisplayManagerService", tpls(L, "dispatchDisplayChanged: display=0, width=1080, height=1920", "Display device changed: DisplayDeviceInfo{\"Built-in Screen\": uniqueId=\"local:0\", 1080 x 1920, modeId 1}")),
    ("BluetoothAdapter", tpls(L, "getBluetoothService() called with no BluetoothManagerCallback", "isLeEnabled(): ON")),
    ("ActivityThread", tpls(L, "getTasks: max=1, flags=0, caller={num}", "handleBindApplication()++ app={pkg}")),
    ("System.err", tpls(L, "java.net.SocketTimeoutException: timeout", "\tat {pkg}.net.Client.fetch(Client.java:{n3})",
                        "java.io.FileNotFoundException: /data/user/0/{pkg}/files/{word}.json: open failed: ENOENT (No such file or directory)")),
    ("InputReader", tpls(L, "Reconfiguring input devices.  changes=0x0000000{n}")),
    ("NetworkController.MobileSignalController(1)", tpls(L, "mobileType=LTE, mStrength={n}, mLevel={n}")),
]
_LOGCAT_LEVELS = "VDDIIIIIWWEF"


def _tag(r):
    tag, msgs = _pick(r, LOGCAT_BY_TAG)
    if tag == "ViewRootImpl" and _chance(r, 0.5):
        tag = "ViewRootImpl[" + _pick(r, ["MainActivity", "StatusBar", "NavigationBar"]) + "]"
    return tag, msgs


def _tag_field(b: Line, tag: str):
    """A tag; a bracket or parenthesis inside it is a delimiter."""
    if "[" in tag:
        name, rest = tag.split("[", 1)
        b.f(name).d("[").f(rest.rstrip("]")).d("]")
    elif "(" in tag:
        name, rest = tag.split("(", 1)
        b.f(name).d("(").f(rest.rstrip(")")).d(")")
    else:
        b.f(tag)


def _level_tag(b: Line, lv: str, tag: str):
    """``D/WindowManager``: one field (decision 45, product rule 7: `/` between letters is no
    separator); a bracket inside the tag is still a delimiter."""
    _tag_field(b, lv + "/" + tag)


def _logcat_msg(r, b: Line, msgs):
    if _chance(r, 0.15):
        message(r, b)
    else:
        emit(r, b, _pick(r, msgs))


def _pid5(b: Line, pid: int):
    s = str(pid)
    b.d(" " * max(0, 5 - len(s))).f(s)


@family("logcat")
def logcat(r) -> Line:
    b = Line()
    lv = _pick(r, _LOGCAT_LEVELS)
    tag, msgs = _tag(r)
    pid = _ri(r, 1, 32767)
    tid = pid if _chance(r, 0.3) else _ri(r, 1, 32767)
    v = _rr(r, 7)
    t = V.moment(r)
    ts = t.strftime("%m-%d %H:%M:%S.") + f"{t.microsecond // 1000:03d}"
    if v in (0, 1):                                 # threadtime (default)
        b.f(ts if v == 0 else t.strftime("%Y-") + ts).sp()
        _pid5(b, pid)
        b.sp()
        _pid5(b, tid)
        b.sp().f(lv).sp()
        _tag_field(b, tag)
        b.d(": ")
    elif v == 2:                                    # brief: D/Tag( 1234): msg
        _level_tag(b, lv, tag)
        b.d("(")
        _pid5(b, pid)
        b.d("): ")
    elif v == 3:                                    # time: 03-17 16:13:38.811 D/Tag( 1234): msg
        b.f(ts).sp()
        _level_tag(b, lv, tag)
        if _chance(r, 0.2):                        # old logcat padded short tags
            b.d(" " * max(0, 8 - len(tag)))
        b.d("(")
        _pid5(b, pid)
        b.d("): ")
    elif v == 4:                                    # epoch: 1679069618.811  1702  2395 D Tag: msg
        b.f(f"{int(t.timestamp())}.{t.microsecond // 1000:03d}").sp()
        _pid5(b, pid)
        b.sp()
        _pid5(b, tid)
        b.sp().f(lv).sp()
        _tag_field(b, tag)
        b.d(": ")
    elif v == 5:                                    # tag: D/Tag: msg
        _level_tag(b, lv, tag)
        b.d(": ")
    else:                                           # process: D( 1234) msg  (Tag)
        b.f(lv).d("(")
        _pid5(b, pid)
        b.d(") ")
        _logcat_msg(r, b, msgs)
        b.d("  (")
        _tag_field(b, tag)
        b.d(")")
        return b
    _logcat_msg(r, b, msgs)
    return b


# ============================================================================ ras_supercomputer
def _bgl_node(r) -> str:
    rack = f"R{_ri(r, 0, 77):02d}-M{_ri(r, 0, 1)}"
    k = _rr(r, 8)
    nc = "N" + _pick(r, "0123456789ABCDEF")
    if k < 4:
        return f"{rack}-{nc}-C:J{_ri(r, 2, 17):02d}-U{_pick(r, ['01', '11'])}"
    if k == 4:
        return f"{rack}-{nc}-I:J18-U{_pick(r, ['01', '11'])}"
    if k == 5:
        return f"{rack}-L{_ri(r, 0, 3)}-U{_ri(r, 1, 19):02d}-{_pick(r, 'ABCD')}"
    if k == 6:
        return f"{rack}-{nc}"
    return _pick(r, [rack, "NULL", "UNKNOWN_LOCATION"])


R = dict(SLOTS, core=ints(1, 9999), bglio=lambda r, b, c: b.f(f"bglio{_ri(r, 1, 99)}"),
         bglpath=lambda r, b, c: b.f(_pick(r, ["/p/gb2/stella/RAPTOR/", "/p/gb1/cabot/miranda/",
                                                "/home/streitz/src/"]) + str(_ri(r, 1000, 9999))
                                     + _pick(r, ["/raptor", "/a.out", "/ddcMD_bgl"])))
BGL_MSGS = [  # (component, level, template)
    ("KERNEL", "INFO", "instruction cache parity error corrected"),
    ("KERNEL", "INFO", "generating core.{core}"), ("KERNEL", "FATAL", "data TLB error interrupt"),
    ("KERNEL", "INFO", "{num} double-hummer alignment exceptions"),
    ("KERNEL", "INFO", "total of {n2} ddr error(s) detected and corrected"),
    ("KERNEL", "INFO", "total of {n} ddr error(s) detected and corrected over {num} seconds"),
    ("KERNEL", "INFO", "CE sym {n2}, at {hex}, mask {hex}"),
    ("KERNEL", "FATAL", "machine check interrupt (bit={hex}): L2 dcache unit data parity error"),
    ("KERNEL", "FATAL", "ciod: failed to read message prefix on control stream (CioStream socket to {ip}:{cport}"),
    ("KERNEL", "FATAL", "ciod: Error loading {bglpath}: invalid or missing program image, No such file or directory"),
    ("KERNEL", "FATAL", "ciod: LOGIN chdir({bglpath}) failed: No such file or directory"),
    ("KERNEL", "INFO", "ddr: activating redundant bit steering: rank=0 symbol={n2}"),
    ("KERNEL", "FATAL", "rts panic! - stopping execution"), ("KERNEL", "INFO", "floating point alignment exceptions"),
    ("KERNEL", "FATAL", "iar {hexs} dear {hexs}"), ("KERNEL", "INFO", "{num} floating point alignment exceptions"),
    ("KERNEL", "FATAL", "Lustre mount FAILED : {bglio} : block_id : location"),
    ("KERNEL", "FATAL", "NFS Mount failed on {bglio}, slept {n2} seconds, retrying ({n})"),
    ("APP", "FATAL", "ciod: Error reading message prefix after LOAD_MESSAGE on CioStream socket to {ip}:{cport}: Link has been severed"),
    ("MMCS", "ERROR", "idoproxydb hit ASSERT condition: ASSERT expression=0 Source file=idotransportmgr.cpp Source line={n3} Function=int «IdoTransportMgr::SendPacket»(IdoUdpMgr*, BglCtlPavTrace*)"),
    ("DISCOVERY", "WARNING", "Node card is not fully functional"),
    ("DISCOVERY", "SEVERE", "Can not get assembly information for node card"),
    ("HARDWARE", "WARNING", "PrepareForService shutting down Node card(mLctn({bgln}), mCardSernum({hexs}), mLp({hexs}), mIp({ip}), mType(4))"),
    ("LINKCARD", "FATAL", "«MidplaneSwitchController::receiveTrain»() iDCR_Status_Register_0 = {hexs}"),
    ("MONITOR", "FAILURE", "monitor caught java.lang.IllegalStateException: while executing CONTROL Operation"),
    ("BGLMASTER", "FAILURE", "mmcs_server exited abnormally due to signal: Aborted"),
]
R["bgln"] = lambda r, b, c: b.f(_bgl_node(r))
BGL_MSGS = [(cmp, lv, tpl(t, R)) for cmp, lv, t in BGL_MSGS]
_BGL_ALERTS = ["KERNDTLB", "KERNSTOR", "APPSEV", "KERNMNTF", "KERNTERM", "KERNREC", "APPREAD",
               "KERNPAN", "APPCHILD", "MASABNORM", "MMCS", "LINKDISC"]
_TB_NODES = ["dn228", "an706", "bn251", "cn142", "en263", "dn73", "tbird-admin1", "tbird-sm1",
             "aadmin1", "ln14", "sn373", "bn612"]
_TB_ALERTS = ["VAPI", "PBS_CON", "PBS_BFD", "CPU", "EXT_FS", "ECC", "SCSI", "MPT", "NMI", "GM_LANAI"]
TB_MSGS = [  # (program, has pid, template)
    ("crond(pam_unix)", True, "session closed for user root"),
    ("crond(pam_unix)", True, "session opened for user root by (uid=0)"),
    ("sshd(pam_unix)", True, "session opened for user {user} by (uid=0)"),
    ("sshd", True, "Accepted publickey for root from {ip} port {cport} ssh2"),
    ("ntpd", True, "synchronized to {ip}, stratum {n}"),
    ("kernel", False, "EXT3-fs error (device sda5): ext3_find_entry: reading directory #{num} offset 0"),
    ("kernel", False, "ib_sm.x[{pid}]: [ib_sm_sweep.c:{num}]: No topology change"),
    ("kernel", False, "mptscsih: ioc0: attempting task abort! (sc={hexs})"),
    ("kernel", False, "VFS: busy inodes on changed media"),
    ("pbs_mom", False, "Connection refused (111) in open_demux, open_demux: connect {ip}:{cport}"),
    ("dhcpd", False, "DHCPDISCOVER from {mac} via eth1"),
    ("xinetd", True, "START: auth pid={pid} from={ip}"),
    ("/apps/x86_64/system/ganglia-3.0.1/sbin/gmetad", True, "data_thread() got not answer from any [Thunderbird_C{n}] datasource"),
    ("syslog-ng", True, "STATS: dropped {n}"),
    ("kernel", False, "NMI received for unknown reason {hexs} on CPU {n}."),
]
TB_MSGS = [(p, pid, tpl(t, R)) for p, pid, t in TB_MSGS]
HPC_MSGS = [  # (component, state, template)
    ("action", "start", "clusterAddMember (command {num})"),
    ("node", "status", "running"), ("node", "status", "not responding"),
    ("unix.hw", "net.niff.up", "NIFF: node {hnode} has detected an available network connection on network {ip} via interface alt0"),
    ("unix.hw", "net.niff.down", "NIFF: node {hnode} has detected a failed network connection on network {ip} via interface alt0"),
    ("node", "boot", "Command has completed successfully"),
    ("action", "error", "Error invoking the command {word} (command {num})"),
    ("node", "temp", "Temperature ({n2}C) exceeds warning threshold"),
]
R["hnode"] = lambda r, b, c: b.f(c.setdefault("node", f"node-{_ri(r, 0, 255)}"))
HPC_MSGS = [(cmp, st, tpl(t, R)) for cmp, st, t in HPC_MSGS]


@family("ras_supercomputer")
def ras_supercomputer(r) -> Line:
    b = Line()
    v = _rr(r, 5)
    t = V.moment(r)
    epoch = str(int(t.timestamp()))
    if v in (0, 1):                                 # BGL: - 1117838570 2005.06.03 R02-... RAS KERNEL INFO msg
        # the alert flag column: `-` holds the column's place, a field (rule 8)
        b.f(_pick(r, _BGL_ALERTS) if v == 1 else "-").sp()
        node = _bgl_node(r)
        b.f(epoch).sp().f(t.strftime("%Y.%m.%d")).sp().f(node).sp()
        b.f(t.strftime("%Y-%m-%d-%H.%M.%S.") + f"{t.microsecond:06d}").sp().f(node).sp()
        cmp, lv, ops = _pick(r, BGL_MSGS)
        b.f("RAS").sp().f(cmp).sp().f(lv).sp()
        emit(r, b, ops)
    elif v in (2, 3):                               # Thunderbird / Liberty / Spirit
        b.f("-" if _chance(r, 0.8) else _pick(r, _TB_ALERTS)).sp()     # flag column: a field
        node = _pick(r, _TB_NODES)
        b.f(epoch).sp().f(t.strftime("%Y.%m.%d")).sp().f(node).sp()
        b.f(t.strftime("%b ") + str(t.day) + t.strftime(" %H:%M:%S")).sp()
        if node.startswith("tbird-admin") and _chance(r, 0.5):
            b.f("local").d("@").f(node)
        else:
            b.f(node + "/" + node)
        b.sp()
        prog, has_pid, ops = _pick(r, TB_MSGS)
        if v == 3:
            prog, has_pid, ops = _pick(r, ["kernel", "sshd", "crond", "gmond", "pbs_mom"]), True, None
        if "(" in prog:
            name, sub = prog.split("(")
            b.f(name).d("(").f(sub.rstrip(")")).d(")")
        else:
            b.f(prog)
        if has_pid:
            b.d("[").f(_ri(r, 100, 32000)).d("]")
        b.d(": ")
        if ops is None:
            message(r, b)
        else:
            emit(r, b, ops)
    else:                                           # LANL HPC: id node component state time flag msg
        ctx = {}
        cmp, st, ops = _pick(r, HPC_MSGS)
        node = ctx.setdefault("node", _pick(r, [f"node-{_ri(r, 0, 255)}", f"node-D{_ri(r, 0, 9)}",
                                                 f"gige{_ri(r, 0, 9)}"]))
        b.f(_ri(r, 1, 450000)).sp().f(node).sp().f(cmp).sp().f(st).sp().f(epoch).sp()
        b.f(_pick(r, ["1", "1", "0"])).sp()
        emit(r, b, ops, ctx)
    return b


# ============================================================================ haproxy
_FRONTENDS = ["http-in", "https-in~", "fe_main", "www", "api", "fe_https~", "public"]
_BACKENDS = ["static", "be_app", "api_servers", "www", "bk_web", "app"]
_TERM_OK = "----"
_TERMS = ["CD--", "SD--", "cD--", "CR--", "sC--", "PR--", "SC--", "--NI", "--VN", "CH--",
          "cR--", "LR--", "SH--", "CDNN", "--NN"]
_TCP_TERMS = ["--", "--", "--", "sD", "CD", "SD", "cD", "SC", "CC"]


def _haproxy_ts(r):
    t = V.moment(r)
    return t.strftime("%d/%b/%Y:%H:%M:%S.") + f"{t.microsecond // 1000:03d}"


def _timer(r, n) -> str:
    """``Tq/Tw/Tc/Tr/Tt`` timers: one field (rule 7), -1 for a phase that never happened."""
    vals = [str(_ri(r, 0, 50)) for _ in range(n - 1)]
    if _chance(r, 0.15):
        k = _ri(r, 1, n - 1)
        vals = vals[:n - 1 - k] + ["-1"] * k
    total = str(_ri(r, 0, 99999))
    if _chance(r, 0.05):
        total = "+" + total
    return "/".join(vals + [total])


def _server(r, b: Line, fe: str):
    if _chance(r, 0.1):                            # no server: backend/<NOSRV>
        # decision 33: a `/` between a value and a bracket is a delimiter
        b.f(fe if _chance(r, 0.5) else _pick(r, _BACKENDS)).d("/<").f("NOSRV").d(">")
    else:
        b.f(_pick(r, _BACKENDS) + "/" + _pick(r, ["srv1", "srv2", "app-01", "web3", "s1", "node-7"]))


def _haproxy_http(r, b: Line):
    b.f(V.ip4(r)).d(":").f(_ri(r, 1024, 65535)).sp().d("[").f(_haproxy_ts(r)).d("] ")
    fe = _pick(r, _FRONTENDS)
    b.f(fe).sp()
    _server(r, b, fe)
    b.sp().f(_timer(r, 5)).sp()
    b.f(_pick(r, ["200", "200", "200", "304", "301", "404", "503", "502", "400", "403", "500"])).sp()
    b.f(("+" if _chance(r, 0.05) else "") + str(_ri(r, 0, 99999))).sp()
    for _ in range(2):                              # captured request / response cookie
        if _chance(r, 0.9):
            b.f("-").sp()                           # no cookie captured: `-` keeps the column
        else:
            b.kv(_pick(r, ["JSESSIONID", "SERVERID", "sid"]), V.hexstr(r, 8, prefix="")).sp()
    # the termination state is the value of its column: `----` is a field like `CD--`
    b.f(_TERM_OK if _chance(r, 0.7) else _pick(r, _TERMS)).sp()
    retries = str(_ri(r, 0, 3)) if _chance(r, 0.9) else "+" + str(_ri(r, 1, 3))
    b.f("/".join(str(_ri(r, 0, 999)) for _ in range(4)) + "/" + retries).sp()
    b.f(f"{_ri(r, 0, 50)}/{_ri(r, 0, 50)}").sp()
    if _chance(r, 0.5):                            # captured request and response headers
        b.d("{")
        for i in range(_ri(r, 1, 2)):
            if i:
                b.d("|")
            if _chance(r, 0.8):
                b.f(_pick(r, [V.hostname(r, fqdn=True), "1wt.eu", "curl/8.4.0", V.ip4(r)]))
        b.d("} {")
        if _chance(r, 0.3):
            b.f(_pick(r, ["text/html", "application/json", V.number(r, 1, 99999)]))
        b.d("} ")
    req = _pick(r, V.HTTP_METHODS) + " " + V.url_path(r) + " " + _pick(r, ["HTTP/1.1", "HTTP/1.1", "HTTP/1.0", "HTTP/2.0"])
    b.quoted(req)


def _haproxy_tcp(r, b: Line):
    b.f(V.ip4(r)).d(":").f(_ri(r, 1024, 65535)).sp().d("[").f(_haproxy_ts(r)).d("] ")
    fe = _pick(r, ["fnt", "ft_mysql", "ft_redis", "tcp-in", "smtp"])
    b.f(fe).sp()
    _server(r, b, fe)
    b.sp().f(_timer(r, 3)).sp().f(_ri(r, 0, 999999)).sp()
    b.f(_pick(r, _TCP_TERMS))                       # termination state, `--` included: a field
    b.sp().f("/".join(str(_ri(r, 0, 999)) for _ in range(4)) + "/" + str(_ri(r, 0, 3)))
    b.sp().f(f"{_ri(r, 0, 50)}/{_ri(r, 0, 50)}")


H = dict(SLOTS, srv=lambda r, b, c: b.f(_pick(r, _BACKENDS) + "/" + _pick(r, ["srv1", "srv2", "app-01", "web3"])),
         fe=lambda r, b, c: b.f(_pick(r, _FRONTENDS)),
         l4=lambda r, b, c: b.words(_pick(r, ["Layer4 timeout", "Layer4 connection problem",
                                               "Layer7 wrong status", "Layer7 check passed",
                                               "Layer6 invalid response"])))
HAPROXY_EVENTS = tpls(
    H,
    "Proxy {fe} started.", "Stopping frontend {fe} in 0 ms.", "Pausing proxy stats.",
    "Server {srv} is DOWN, reason: {l4}, check duration: {n2}ms. {n} active and 0 backup servers left. {n} sessions active, 0 requeued, 0 remaining in queue.",
    "Server {srv} is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
    "Server {srv} is UP, reason: Layer7 check passed, code: 200, check duration: {n2}ms. {n} active and 0 backup servers online. 0 sessions requeued, 0 total in queue.",
    "backend be_app has no server available!", "Connect from {ip}:{cport} to {ip}:{port} (www/HTTP)",
    "Health check for server {srv} failed, reason: {l4}, check duration: {n3}ms, status: 0/2 DOWN.",
)
HAPROXY_NOTICES = tpls(
    H, "[NOTICE]   ({pid}) : New worker ({pid}) forked", "[NOTICE]   ({pid}) : Loading success.",
    "[WARNING]  ({pid}) : Exiting Master process...", "[ALERT]    ({pid}) : Current worker ({pid}) exited with code 143 (Terminated)",
    "[WARNING]  ({pid}) : Server {srv} is DOWN, reason: {l4}, check duration: {n3}ms. 0 active and 0 backup servers left.",
    "[WARNING]  ({pid}) : {msg}", "[ALERT]    ({pid}) : {msg}",
)


@family("haproxy")
def haproxy(r) -> Line:
    b = Line()
    v = _rr(r, 6)
    if v == 5:                                      # haproxy 2.x stderr, no syslog prefix
        if _chance(r, 0.5):
            b.f(ts_iso(r, frac=6)).sp()
        emit(r, b, _pick(r, HAPROXY_NOTICES))
        return b
    style = _pick(r, ["bsd", "bsd", "bsd_pri", "iso", "bare", "none", "precise"])
    header(r, b, "haproxy", True, style, host=_pick(r, ["localhost", "lb01", "127.0.0.1", V.hostname(r)]))
    if v in (0, 1, 2):
        _haproxy_http(r, b)
    elif v == 3:
        _haproxy_tcp(r, b)
    else:
        emit(r, b, _pick(r, HAPROXY_EVENTS))
    return b
