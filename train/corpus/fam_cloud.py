"""Cloud and server daemons: OpenStack (oslo.log), the Huawei HealthApp pipe log, and a mixed
family of cluster daemons with their own header layouts (Cassandra, Kafka, RabbitMQ, etcd,
Consul/Vault/Nomad hclog, ingress-nginx, Ceph).

Why: Loghub's "OpenStack" and "HealthApp" systems, and the daemons that run beside them in a
cloud, have header shapes none of the other families teach: an oslo request context
``[req-<uuid> <user> <tenant> - - -]`` whose lone ``-`` placeholders are fields, a log-file
name glued to the line (``nova-api.log.1.2017-05-16_13:53:08``, one field), ``status: 200 len:
1893 time: 0.2477829`` tails, HealthApp's ``ts|Component|pid|body`` records with ``##``-joined
number runs (one field, docs/LABELING.md decisions 25 and 37), Erlang pids ``<0.1234.0>``,
etcd's ``I | pkg:`` and hclog's padded ``[INFO]  module:``.

Everything is built field by field with :class:`builder.Line`, or from message templates
compiled once at import with :func:`fam_syslog.tpl` (``{slot}`` a typed value, ``«x»`` a literal
field, ``‹x›`` a literal delimiter; constant words labeled by the convention).  Only the
``random.Random`` passed in is used.

>>> import random
>>> b = Line().f("nova-api.log.1.2017-05-16_13:53:08").sp()
>>> _os_http(random.Random(2), b, "nova.osapi_compute.wsgi.server")
>>> f = b.build().fields
>>> f[0], f[2].endswith(" HTTP/1.1"), f[3], f[5], f[7]
('nova-api.log.1.2017-05-16_13:53:08', True, 'status', 'len', 'time')
>>> _at_name(Line(), "rabbit", "rmq-0").build().fields
['rabbit', 'rmq-0']
"""
from __future__ import annotations

import datetime as _dt

from . import family
from .builder import Line
from .fam_syslog import SLOTS, _chance, _pick, _ri, _rr, emit, header, ints, one_of, tpl, tpls
from .messages import message

# ============================================================================ fast values
_T0 = _dt.datetime(2014, 1, 1)
_SPAN_US = 11 * 365 * 86400 * 10 ** 6


def _moment(r) -> _dt.datetime:
    return _T0 + _dt.timedelta(microseconds=int(r.random() * _SPAN_US))


def _hex(r, n: int) -> str:
    return format(r.getrandbits(4 * n), f"0{n}x")


def _uuid(r) -> str:
    h = format(r.getrandbits(128), "032x")
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _ip(r) -> str:
    g = r.getrandbits(24)
    return f"{_pick(r, (10, 10, 10, 172, 192))}.{g >> 16}.{(g >> 8) & 255}.{g & 255}"


def _cport(r) -> str:
    return str(_ri(r, 1024, 65535))


def _ms(t) -> str:
    return f"{t.microsecond // 1000:03d}"


def _dec(r, hi: float, places: int) -> str:
    return f"{r.random() * hi:.{places}f}"


def _same(key, gen):
    """A slot whose value is drawn once per line and repeated (``[instance: X] ... X_del``)."""
    def slot(r, b, c):
        v = c.get(key)
        if v is None:
            v = c[key] = gen(r)
        b.f(v)
    return slot


def _at_name(b: Line, name: str, host: str) -> Line:
    """``rabbit@node`` (decision 38): an ``@`` before a dotted domain ending in letters is part
    of an e-mail-shaped name (one field); any other ``@`` separates two fields."""
    if "." in host and host[-1].isalpha():
        return b.f(f"{name}@{host}")
    return b.f(name).d("@").f(host)


_BASE = dict(
    SLOTS,
    uuid=lambda r, b, c: b.f(_uuid(r)),
    ip=lambda r, b, c: b.f(_ip(r)),
    cport=lambda r, b, c: b.f(_cport(r)),
    hex=lambda r, b, c: b.f("0x" + _hex(r, _pick(r, (2, 4, 8, 12)))),
    hex7=lambda r, b, c: b.f(_hex(r, 7)),
    hex16=lambda r, b, c: b.f(_hex(r, 16)),
    hex32=lambda r, b, c: b.f(_hex(r, 32)),
)

# ============================================================================ OpenStack
_OS_NODES = ["cp-1.slowvm1.tcloud-pg0.utah.cloudlab.us", "nova-7.rack2.dc1.example.org",
             "compute-0", "compute-1.localdomain", "overcloud-novacompute-1.localdomain",
             "cmp01", "node-12.domain.tld", "controller", "nova-cpu-7", "hv-r3-u12"]
_VM_EVENTS = ["Started", "Stopped", "Paused", "Resumed", "Started", "Stopped"]
_TASKS = ["spawning", "deleting", "image_snapshot", "powering-off", "rebooting", "migrating",
          "resize_prep", "block_device_mapping", "networking"]
_PY = ["/usr/lib/python2.7/dist-packages", "/usr/lib/python2.7/site-packages",
       "/usr/lib/python3/dist-packages", "/usr/lib/python3.6/site-packages", "/opt/stack"]
_PERIODIC = ["_run_image_cache_manager_pass", "_sync_power_states", "_heal_instance_info_cache",
             "update_available_resource", "_poll_rebooting_instances", "_instance_usage_audit",
             "_reclaim_queued_deletes", "_cleanup_running_deleted_instances"]
_AMQP_HOSTS = ["controller", "rabbit-1", "10.11.10.1", "192.168.0.10", "mq.internal", "ctl01"]
_FILTERS = ["RetryFilter", "AvailabilityZoneFilter", "RamFilter", "DiskFilter", "ComputeFilter",
            "ComputeCapabilitiesFilter", "ImagePropertiesFilter", "CoreFilter",
            "ServerGroupAntiAffinityFilter"]


def _slot_filters(r, b, c):
    """``['RetryFilter: (start: 1, end: 1)', 'RamFilter: (start: 1, end: 0)']``: each quoted
    item is one field (decision 27)."""
    b.d("[")
    n = _ri(r, 1, 4)
    hosts = _ri(r, 1, 9)
    for i, name in enumerate(r.sample(_FILTERS, n)):
        if i:
            b.d(", ")
        end = hosts if i < n - 1 else 0
        b.d("'").f(f"{name}: (start: {hosts}, end: {end})").d("'")
        hosts = end
    b.d("]")


def _slot_vif(r, b, c):
    """``VIFBridge(active=False,address=fa:16:3e:..,bridge_name='qbr3e6b1b1b-8c',...)``."""
    port = _uuid(r)
    b.f(_pick(r, ("VIFBridge", "VIFOpenVSwitch"))).d("(").kv("active", _pick(r, ("False", "True")))
    b.d(",").kv("address", "fa:16:3e:" + ":".join(_hex(r, 2) for _ in range(3)))
    b.d(",").f("bridge_name").d("='").f("qbr" + port[:11]).d("',").f("has_traffic_filtering")
    b.d("=").f("True").d(",").kv("id", port).d(",").kv("network", "Network")
    b.d("(").f(_uuid(r)).d("),").f("plugin").d("='").f("ovs").d("',").f("port_profile").d("=")
    b.f("VIFPortProfileBase").d(",").kv("preserve_on_delete", "False").d(",")
    b.f("vif_name").d("='").f("tap" + port[:11]).d("')")


O = dict(
    _BASE,
    inst=_same("inst", _uuid),
    vol=_same("vol", _uuid),
    tenant=lambda r, b, c: b.f(_hex(r, 32)),
    ts=lambda r, b, c: b.f(_moment(r).strftime("%Y-%m-%d %H:%M:%S")),
    filt=one_of(*_FILTERS),
    node=lambda r, b, c: b.f(_pick(r, _OS_NODES)),
    samenode=_same("node", lambda r: _pick(r, _OS_NODES)),
    base=lambda r, b, c: b.f("/var/lib/nova/instances/_base/" + _hex(r, 40)),
    instdel=lambda r, b, c: b.f("/var/lib/nova/instances/" + c.setdefault("inst", _uuid(r)) + "_del"),
    mb=lambda r, b, c: b.f(_pick(r, ("512", "1024", "2048", "4096", "8192", "16384", "64172",
                                      str(_ri(r, 256, 262144))))),
    mbf=lambda r, b, c: b.f(f"{_pick(r, (0, 512, 2048, 4096, _ri(r, 0, 262144)))}.00"),
    gb=lambda r, b, c: b.f(_pick(r, ("1", "10", "15", "20", "40", "80", str(_ri(r, 1, 2000))))),
    gbf=lambda r, b, c: b.f(_dec(r, 2000, 2) if _chance(r, 0.4) else f"{_ri(r, 0, 400)}.00"),
    secs=lambda r, b, c: b.f(_dec(r, 60, 2)),
    vmev=one_of(*_VM_EVENTS),
    task=one_of(*_TASKS),
    periodic=one_of(*_PERIODIC),
    amqp=lambda r, b, c: b.f(_pick(r, _AMQP_HOSTS)).d(":").f(_pick(r, ("5672", "5672", "5671"))),
    filters=_slot_filters,
    vif=_slot_vif,
    evname=one_of("network-vif-plugged", "network-vif-unplugged", "network-changed",
                  "network-vif-deleted", "volume-extended"),
    flavor=one_of("m1.tiny", "m1.small", "m1.medium", "m1.large", "ds512M", "c1.xlarge"),
    lvm=lambda r, b, c: b.f(_pick(r, ("lvm#LVM", "lvmdriver-1#lvmdriver-1", "ceph#RBD", "nfs#nfs"))),
    ktoken=lambda r, b, c: b.f("gAAAAA" + _hex(r, _ri(r, 20, 40))),
    fkey=lambda r, b, c: b.f(f"/etc/keystone/fernet-keys/{_ri(r, 0, 9)}"),
    errno=lambda r, b, c: b.d("[").f("Errno").sp().f(_pick(r, ("111", "104", "110", "113"))).d("]"),
    router=_same("router", _uuid),
    dur=lambda r, b, c: b.f(_dec(r, 30, _pick(r, (3, 6, 7)))),
)

# (logger, service program, templates, level set)
_I, _W, _E, _D = ("INFO",), ("WARNING",), ("ERROR",), ("DEBUG",)
_IW = ("INFO", "INFO", "INFO", "WARNING")
_NOVA = [
    ("nova.compute.manager", "nova-compute", _I, tpls(
        O, "[instance: {inst}] VM {vmev} (Lifecycle Event)",
        "[instance: {inst}] VM {vmev} (Lifecycle Event)",
        "[instance: {inst}] During sync_power_state the instance has a pending task ({task}). Skip.",
        "[instance: {inst}] Took {secs} seconds to spawn the instance on the hypervisor.",
        "[instance: {inst}] Took {secs} seconds to build instance.",
        "[instance: {inst}] Took {secs} seconds to destroy the instance on the hypervisor.",
        "[instance: {inst}] Took {secs} seconds to deallocate network for instance.",
        "[instance: {inst}] Terminating instance", "[instance: {inst}] Starting instance...",
        "[instance: {inst}] Rebooting instance", "[instance: {inst}] Attaching volume {vol} to /dev/vdb",
        "Running instance usage audit for host {node} from {ts} to {ts}. {n2} instances.",
        "[instance: {inst}] Successfully reverted task state from {task} on failure for instance.",
        "[instance: {inst}] During the sync_power process the instance has moved from host {node} to host {node}")),
    ("nova.compute.manager", "nova-compute", _W, tpls(
        O, "While synchronizing instance power states, found {n2} instances in the database and {n} instances on the hypervisor.",
        "[instance: {inst}] Received unexpected event {evname}-{uuid} for instance with vm_state active and task_state None.",
        "[instance: {inst}] Instance shutdown by itself. Calling the stop API. Current vm_state: active, current task_state: None, original DB power_state: 1, current VM power_state: 4",
        "Error updating resources for node {node}.")),
    ("nova.compute.claims", "nova-compute", _I, tpls(
        O, "[instance: {inst}] Attempting claim: memory {mb} MB, disk {gb} GB, vcpus {n} CPU",
        "[instance: {inst}] Total memory: {mb} MB, used: {mbf} MB",
        "[instance: {inst}] memory limit: {mbf} MB, free: {mbf} MB",
        "[instance: {inst}] Total disk: {gb} GB, used: {gbf} GB",
        "[instance: {inst}] disk limit not specified, defaulting to unlimited",
        "[instance: {inst}] disk limit: {gbf} GB, free: {gbf} GB",
        "[instance: {inst}] Total vcpu: {n2} VCPU, used: {gbf} VCPU",
        "[instance: {inst}] vcpu limit not specified, defaulting to unlimited",
        "[instance: {inst}] Claim successful", "[instance: {inst}] Claim successful on node {node}")),
    ("nova.virt.libvirt.imagecache", "nova-compute", _I, tpls(
        O, "image {uuid} at ({base}): checking",
        "image {uuid} at ({base}): in use: on this node {n} local, {n} on other nodes sharing this instance storage",
        "Active base files: {base}", "Removable base files: {base}",
        "Base or swap file too young to remove: {base}", "Removing base or swap file: {base}",
        "Unknown base file: {base}", "Corrupt base files: {base}")),
    ("nova.virt.libvirt.driver", "nova-compute", _I, tpls(
        O, "[instance: {inst}] Creating image", "[instance: {inst}] Instance destroyed successfully.",
        "[instance: {inst}] Deleting instance files {instdel}", "[instance: {inst}] Deletion of {instdel} complete",
        "[instance: {inst}] Instance spawned successfully.", "[instance: {inst}] Instance rebooted successfully.",
        "[instance: {inst}] Using config drive", "[instance: {inst}] Creating config drive at /var/lib/nova/instances/{inst}/disk.config",
        "[instance: {inst}] Timeout waiting for vif plugging callback for instance with vm_state building and task_state spawning",
        "[instance: {inst}] Instance failed to shutdown in {n2} seconds.")),
    ("nova.compute.resource_tracker", "nova-compute", _I, tpls(
        O, "Auditing locally available compute resources for node {samenode}",
        "Total usable vcpus: {n2}, total allocated vcpus: {n2}",
        "Final resource view: name={samenode} phys_ram={mb}MB used_ram={mb}MB phys_disk={gb}GB used_disk={gb}GB total_vcpus={n2} used_vcpus={n} pci_stats=[]",
        "Compute_service record updated for {samenode}:{samenode}",
        "Instance {uuid} actively managed on this compute host and has allocations in placement: {'resources': {'VCPU': {n}, 'MEMORY_MB': {mb}, 'DISK_GB': {gb}}}.")),
    ("nova.scheduler.host_manager", "nova-scheduler", _I, tpls(
        O, "Successfully synced instances from host '{node}'.",
        "Received an update from an unknown host '{node}'. Re-created its InstanceList.",
        "Host filter ignoring hosts: {node}", "The instance sync for host '{node}' did not match. Re-created its InstanceList.")),
    ("nova.filters", "nova-scheduler", _I, tpls(
        O, "Filter {filt} returned 0 hosts",
        "Filtering removed all hosts for the request with instance ID '{uuid}'. Filter results: {filters}")),
    ("nova.api.openstack.compute.server_external_events", "nova-api", _I, tpls(
        O, "Creating event {evname}:{uuid} for instance {uuid}",
        "Creating event {evname}:{uuid} for instance {uuid} on {node}",
        "Dropping event {evname}:{uuid} for unknown instance {uuid}")),
    ("nova.api.openstack.wsgi", "nova-api", _I, tpls(
        O, "HTTP exception thrown: Instance {uuid} could not be found.",
        "HTTP exception thrown: Flavor {flavor} could not be found.",
        "HTTP exception thrown: Quota exceeded for cores: Requested {n}, but already used {n2} of {n2} cores")),
    ("os_vif", "nova-compute", _I, tpls(
        O, "Successfully plugged vif {vif}", "Successfully unplugged vif {vif}")),
    ("nova.virt.libvirt.host", "nova-compute", _W, tpls(
        O, "Cannot update service status on host \"{node}\" since it is not registered.",
        "Connection to libvirt lost: {n}")),
]
_OSLO = [
    ("oslo_messaging._drivers.impl_rabbit", None, _I, tpls(
        O, "Reconnected to AMQP server on {amqp} via [amqp] client with port {cport}.",
        "Connecting to AMQP server on {amqp}", "Connected to AMQP server on {amqp} via [amqp] client with port {cport}.",
        "A recoverable connection/channel error occurred, trying to reconnect: {errno} Connection reset by peer")),
    ("oslo.messaging._drivers.impl_rabbit", None, _E, tpls(
        O, "AMQP server on {amqp} is unreachable: {errno} ECONNREFUSED. Trying again in {n2} seconds. Client port: {cport}",
        "[{uuid}] AMQP server on {amqp} is unreachable: timed out. Trying again in {n} seconds. Client port: {cport}")),
    ("oslo_messaging._drivers.amqpdriver", None, _W, tpls(
        O, "Number of call queues is {n2}, greater than warning threshold: {n2}. There could be a leak. Increasing threshold to: {n2}",
        "No calling threads waiting for msg_id : {hex32}")),
    ("oslo_service.service", None, _I, tpls(
        O, "Caught SIGTERM, stopping children", "Child {pid} exited with status 0", "Started child {pid}",
        "Waiting on {n2} children to exit", "Child {pid} killed by signal 15")),
    ("oslo_service.periodic_task", None, _E, tpls(
        O, "Error during ComputeManager.{periodic}")),
]
_NEUTRON = [
    ("neutron.agent.securitygroups_rpc", "neutron-openvswitch-agent", _I, tpls(
        O, "Security group member updated ['{uuid}']", "Security group rule updated ['{uuid}', '{uuid}']",
        "Refresh firewall rules", "Preparing filters for devices {'{uuid}'}",
        "Remove device filter for ['{uuid}']")),
    ("neutron.plugins.ml2.drivers.openvswitch.agent.ovs_neutron_agent", "neutron-openvswitch-agent", _IW, tpls(
        O, "Port {uuid} updated. Details: {'device': '{uuid}', 'network_id': '{uuid}', 'admin_state_up': True, 'network_type': 'vxlan', 'segmentation_id': {n3}, 'fixed_ips': [{'subnet_id': '{uuid}', 'ip_address': '{ip}'}], 'device_owner': '«compute:nova»', 'mac_address': '{mac}'}",
        "Configuration for devices up ['{uuid}'] and devices down [] completed.",
        "Agent out of sync with plugin!", "Agent has just been revived. Doing a full sync.",
        "Port '{uuid}' has lost its vlan tag '{n2}'!", "Assigning {n2} as local vlan for net-id={uuid}")),
    ("neutron.agent.dhcp.agent", "neutron-dhcp-agent", _I, tpls(
        O, "DHCP configuration for ports {'{uuid}'} is completed", "Synchronizing state",
        "Synchronizing state complete", "agent_updated by server side {'admin_state_up': True}!",
        "Trigger reload_allocations for port admin_state_up=True, device_owner=network:dhcp, id={uuid}")),
    ("neutron.agent.l3.agent", "neutron-l3-agent", _I, tpls(
        O, "Router {router} is not managed by this agent. It was possibly deleted concurrently.",
        "Starting router update for {router}, action {n}, priority {n}",
        "Finished a router update for {router}, update_id {uuid}. Time elapsed: {dur}")),
    ("neutron.notifiers.nova", "neutron-server", _I, tpls(
        O, "Nova event response: {'name': '{evname}', 'server_uuid': '{uuid}', 'tag': '{uuid}', 'status': 'completed', 'code': 200}",
        "Nova event matching ['req-{uuid}'] response: {'server_uuid': '{uuid}', 'name': '{evname}', 'status': 'completed', 'tag': '{uuid}', 'code': 200}")),
    ("neutron.db.agents_db", "neutron-server", _W, tpls(
        O, "Agent healthcheck: found {n} dead agents out of {n2}:",
        "Message received from the host: {node} during the registration of Open vSwitch agent has a timestamp: {ts}. This differs from the current server timestamp: {ts} by {n3} seconds, which is more than the threshold agent down time: {n2}.")),
    ("neutron.wsgi", "neutron-server", _I, None),
]
_KEYSTONE = [
    ("keystone.common.wsgi", "keystone", _I, None),
    ("keystone.common.wsgi", "keystone", _W, tpls(
        O, "Authorization failed. The request you have made requires authentication. from {ip}",
        "Could not find project: {tenant}.", "Could not find token: {ktoken}.",
        "You are not authorized to perform the requested action: identity:list_users.")),
    ("keystone.middleware.auth", "keystone", _W, tpls(O, "RBAC: Invalid token", "RBAC: Bypassing authorization")),
    ("keystone.token.providers.fernet.utils", "keystone", _I, tpls(
        O, "Loaded {n} encryption keys (max_active_keys={n}) from: /etc/keystone/fernet-keys/")),
    ("keystone.common.fernet_utils", "keystone-manage", _I, tpls(
        O, "Starting key rotation with {n} key files: ['{fkey}', '{fkey}', '{fkey}']",
        "Current primary key is: {n}", "Next primary key will be: {n}",
        "Promoted key 0 to be the primary: {n}", "Created a new temporary key: /etc/keystone/fernet-keys/0.tmp",
        "Excess key to purge: {fkey}", "Become a valid new key: {fkey}")),
    ("keystonemiddleware.auth_token", None, _W, tpls(
        O, 'Identity response: {"error": {"message": "The request you have made requires authentication.", "code": 401, "title": "Unauthorized"}}',
        "Authorization failed for token", "Identity server rejected authorization necessary to fetch token data")),
]
_CINDER = [
    ("cinder.api.openstack.wsgi", "cinder-api", _I, None),
    ("cinder.volume.api", "cinder-api", _I, tpls(
        O, "Volume created successfully.", "Delete volume request issued successfully.",
        "Create volume request issued successfully.", "Volume info retrieved successfully.",
        "Get all volumes completed successfully.")),
    ("cinder.api.v2.volumes", "cinder-api", _I, tpls(
        O, "Delete volume with id: {vol}", "Create volume of {gb} GB", "Volume {vol}: extending to {gb} GB")),
    ("cinder.volume.manager", "cinder-volume", _I, tpls(
        O, "Created volume successfully.", "Deleted volume successfully.",
        "Initializing RPC dependent components of volume driver LVMVolumeDriver ({ver})",
        "Driver initialization completed successfully.",
        "Volume {vol}: being created as raw with specification: {'status': 'creating', 'volume_name': 'volume-{vol}', 'volume_size': {gb}}")),
    ("cinder.volume.flows.manager.create_volume", "cinder-volume", _I, tpls(
        O, "Volume {vol} (volume-{vol}): created successfully",
        "Volume volume-{vol} ({vol}): created successfully")),
    ("cinder.volume.drivers.lvm", "cinder-volume", _I, tpls(
        O, "Successfully deleted volume: {vol}", "Extending volume volume-{vol} to {gb} GB")),
    ("cinder.scheduler.host_manager", "cinder-scheduler", _IW, tpls(
        O, "Removing non-active host: {node}@{lvm} from scheduler cache.",
        "volume service is down. (host: {node}@{lvm})")),
]
_GLANCE = [
    ("eventlet.wsgi.server", "glance-api", _I, None),
    ("glance.registry.api.v1.images", "glance-registry", _I, tpls(
        O, "Successfully retrieved image {uuid}", "Image {uuid} not found",
        "Updating metadata for image {uuid}", "Successfully created image {uuid}")),
    ("glance.common.wsgi", "glance-api", _I, tpls(O, "Starting {n} workers", "Started child {pid}")),
    ("glance_store._drivers.filesystem", "glance-api", _W, tpls(
        O, "Could not find /var/lib/glance/images/{uuid} to delete.",
        "Image file /var/lib/glance/images/{uuid} not found", "Unable to read image data")),
]
_API_PATHS_NOVA = [
    ("GET", "/v2/{t}/servers/detail"), ("GET", "/v2/{t}/servers/detail"), ("GET", "/v2/{t}/servers/{u}"),
    ("POST", "/v2/{t}/os-server-external-events"), ("POST", "/v2.1/{t}/servers/{u}/action"),
    ("GET", "/v2/{t}/flavors/detail"), ("DELETE", "/v2/{t}/servers/{u}"), ("POST", "/v2/{t}/servers"),
    ("GET", "/v2/{t}/os-hypervisors/detail"), ("GET", "/v2.1/{t}/servers/detail?all_tenants=True"),
    ("GET", "/v2/{t}/servers/{u}/os-interface"), ("GET", "/v2.1/{t}/os-keypairs"),
]
_META_PATHS = ["/openstack/2013-10-17/meta_data.json", "/latest/meta-data/", "/latest/meta-data/instance-id",
               "/openstack/2013-10-17/vendor_data.json", "/openstack/2013-10-17/user_data",
               "/2009-04-04/meta-data/public-keys/", "/openstack/latest/network_data.json",
               "/latest/meta-data/local-ipv4", "/openstack/2013-10-17"]
_API_PATHS_NEUTRON = ["/v2.0/ports.json?device_id={u}", "/v2.0/networks.json?id={u}", "/v2.0/ports/{u}.json",
                      "/v2.0/security-groups.json?tenant_id={t}", "/v2.0/floatingips.json?port_id={u}",
                      "/v2.0/subnets.json?id={u}", "/v2.0/extensions.json"]
_API_PATHS_CINDER = ["/v2/{t}/volumes/detail", "/v2/{t}/volumes/{u}", "/v3/{t}/volumes/{u}/action",
                     "/v2/{t}/types", "/v3/{t}/snapshots/detail"]
_API_PATHS_GLANCE = ["/v2/images?limit=20", "/v2/images/{u}", "/v2/schemas/image", "/v2/images/{u}/file",
                     "/v1/images/detail?is_public=none&limit=25", "/v2/images?visibility=public"]
_KEYSTONE_PATHS = ["/v3/auth/tokens", "/v3/auth/tokens", "/v3/users/{t}", "/v3/projects?domain_id=default",
                   "/v2.0/tokens", "/v3/users/{t}/projects", "/v3/", "/v3/services?type=identity"]


def _fill(p: str, r) -> str:
    return p.replace("{t}", _hex(r, 32)).replace("{u}", _uuid(r))


def _os_status(r) -> str:
    return _pick(r, ("200", "200", "200", "200", "202", "204", "404", "400", "409", "500", "503", "401"))


def _os_http(r, b: Line, logger: str):
    """The wsgi request lines of nova, neutron, cinder and glance, and keystone's ``GET url``."""
    if logger.startswith("keystone"):
        # keystone.common.wsgi: method and URL unquoted, two fields
        host = _pick(r, ("http://controller", "http://10.11.10.1", "https://keystone.example.com", "http://" + _ip(r)))
        b.f(_pick(r, ("POST", "POST", "GET", "GET", "DELETE", "HEAD", "PATCH"))).sp()
        b.f(host + ":" + _pick(r, ("5000", "35357", "5000")) + _fill(_pick(r, _KEYSTONE_PATHS), r))
        return
    if logger == "cinder.api.openstack.wsgi":
        url = "http://" + _pick(r, ("controller", "10.11.10.1", "cinder-api")) + ":8776" + _fill(_pick(r, _API_PATHS_CINDER), r)
        if _chance(r, 0.5):
            b.f(_pick(r, ("GET", "GET", "POST", "DELETE", "PUT"))).sp().f(url)
        else:
            b.f(url).sp().words("returned with HTTP ").f(_os_status(r))
        return
    if logger == "eventlet.wsgi.server" and _chance(r, 0.6):
        # glance: ``10.0.0.11 - - [16/May/2017 00:00:04] "GET /v2/images HTTP/1.1" 200 4344 0.012345``
        b.f(_ip(r)).sp().f("-").sp().f("-").d(" [")          # ident, user: placeholders are fields
        b.f(_moment(r).strftime("%d/%b/%Y %H:%M:%S")).d('] "')
        b.f(_pick(r, ("GET", "GET", "HEAD", "PUT", "DELETE")) + " " + _fill(_pick(r, _API_PATHS_GLANCE), r) + " HTTP/1.1")
        b.d('" ').f(_os_status(r)).sp().f(_ri(r, 0, 99999)).sp().f(_dec(r, 3, 6))
        return
    if logger == "nova.metadata.wsgi.server":
        b.f(_ip(r)).d(",").f(_ip(r)).sp()
        req = "GET " + _pick(r, _META_PATHS)
    elif logger == "neutron.wsgi":
        b.f(_ip(r)).sp()
        req = _pick(r, ("GET", "GET", "GET", "PUT", "POST", "DELETE")) + " " + _fill(_pick(r, _API_PATHS_NEUTRON), r)
    elif logger == "eventlet.wsgi.server":
        b.f(_ip(r)).sp()
        req = _pick(r, ("GET", "POST", "DELETE")) + " " + _fill(_pick(r, _API_PATHS_CINDER), r)
    else:
        b.f(_ip(r)).sp()
        m, p = _pick(r, _API_PATHS_NOVA)
        req = m + " " + _fill(p, r)
    # the quoted request line is one field (product rule 2)
    b.d('"').f(req + " HTTP/1.1").d('" ')
    b.f("status").d(": ").f(_os_status(r)).d("  " if logger == "neutron.wsgi" else " ")
    b.f("len").d(": ").f(_ri(r, 0, 9999)).sp().f("time").d(": ").f(_dec(r, 3, 7))


# context ``[req-<uuid> <user> <tenant> - - -]``: ids are fields, and so is each lone `-`
# that holds an empty slot's place (rule 8: field N is the same slot on every line)
def _os_context(r, b: Line, keystone: bool):
    k = _rr(r, 10)
    if k == 0:
        b.d("[").f("-").d("]")
        return
    b.d("[")
    if k == 1:                                        # devstack with names
        b.f("None").sp().f("req-" + _uuid(r)).sp().f(_pick(r, ("admin", "demo", "nova", "alt_demo")))
        b.sp().f(_pick(r, ("admin", "demo", "service", "alt_demo")))
        b.d("]")
        return
    b.f("req-" + _uuid(r))
    if k <= 4:
        for _ in range(5):
            b.sp().f("-")
        b.d("]")
    elif k == 5:
        b.sp().f("None").sp().f("None").d("]")      # older oslo: user and tenant None
    else:
        b.sp().f(_hex(r, 32)).sp().f(_hex(r, 32))
        if keystone or _chance(r, 0.25):
            b.sp().f("-").sp().f("default").sp().f("default").d("]")
        else:
            b.sp().f("-").sp().f("-").sp().f("-").d("]")


_OS_FILE_SERVICES = {"nova-api", "nova-compute", "nova-scheduler", "nova-conductor", "neutron-server",
                     "neutron-openvswitch-agent", "neutron-dhcp-agent", "neutron-l3-agent",
                     "cinder-api", "cinder-volume", "cinder-scheduler", "glance-api",
                     "glance-registry", "keystone"}


def _logfile(r, svc: str, t: _dt.datetime, logger: str) -> str:
    """``nova-api.log.1.2017-05-16_13:53:08``: a file name, ONE field (no blank inside)."""
    if svc not in _OS_FILE_SERVICES:
        svc = ("keystone" if logger.startswith("keystone") else
               _pick(r, ("nova-compute", "nova-api", "neutron-server", "cinder-volume", "nova-conductor")))
    rot = t + _dt.timedelta(seconds=_ri(r, 3600, 3 * 86400))
    k = _rr(r, 5)
    if k <= 1:
        return f"{svc}.log.1.{rot:%Y-%m-%d_%H:%M:%S}"
    if k == 2:
        return f"{svc}.log.{rot:%Y-%m-%d_%H:%M:%S}"
    if k == 3:
        return f"{svc}.log.{_ri(r, 1, 9)}"
    return f"{svc}.log"


_OS_GROUPS = (_NOVA * 3 + _OSLO + _NEUTRON + _KEYSTONE + _CINDER + _GLANCE
              + [("nova.osapi_compute.wsgi.server", "nova-api", _I, None)] * 6
              + [("nova.metadata.wsgi.server", "nova-api", _I, None)] * 2)
_TB_LOGGERS = ["nova.compute.manager", "oslo_messaging.rpc.server", "oslo_service.periodic_task",
               "nova.virt.libvirt.driver", "neutron.agent.l3.agent", "cinder.volume.manager",
               "keystone.common.wsgi", "nova.api.openstack.extensions"]
_TB_FILES = [("nova/compute/manager.py", "_build_and_run_instance"), ("nova/compute/manager.py", "_do_build_and_run_instance"),
             ("nova/virt/libvirt/driver.py", "spawn"), ("oslo_messaging/rpc/server.py", "_process_incoming"),
             ("oslo_utils/excutils.py", "__exit__"), ("oslo_service/periodic_task.py", "run_periodic_tasks"),
             ("nova/exception_wrapper.py", "wrapped"), ("neutron/agent/l3/agent.py", "_process_router_if_compatible"),
             ("eventlet/greenpool.py", "_spawn_n_impl"), ("libvirt.py", "createWithFlags")]
_TB_CODE = tpls(O, "    self.force_reraise()", "    six.reraise(self.type_, self.value, self.tb)",
                "    return f(*args, **kwargs)", "    raise exception.InstanceNotFound(instance_id=instance_uuid)",
                "    self.driver.spawn(context, instance, image_meta,", "    res = self.dispatcher.dispatch(message)",
                "    if ret == -1: raise libvirtError ('«virDomainCreateWithFlags() failed»', dom=self)",
                "    task(self, context)")
_TB_EXC = tpls(
    O, "InstanceNotFound: Instance {uuid} could not be found.",
    "RescheduledException: Build of instance {uuid} was re-scheduled: Timeout waiting for vif plugging",
    "libvirtError: internal error: process exited while connecting to monitor",
    "MessagingTimeout: Timed out waiting for a reply to message ID {hex32}",
    "VirtualInterfaceCreateException: Virtual Interface creation failed",
    "PortBindingFailed: Binding failed for port {uuid}, please check neutron logs for more information.",
    "DBConnectionError: (pymysql.err.OperationalError) (2013, '«Lost connection to MySQL server during query»')",
    "oslo_messaging.exceptions.MessagingTimeout: Timed out waiting for a reply to message ID {hex32}")


def _os_traceback(r, b: Line, ctx: dict):
    """Traceback lines as oslo prints them: each line carries the full header."""
    k = _rr(r, 5)
    if _chance(r, 0.5):
        b.d("[").f("instance").d(": ").f(ctx.setdefault("inst", _uuid(r))).d("] ")
    if k <= 1:
        b.f("Traceback").d(" (").words("most recent call last").d("):")
    elif k == 2:
        path, fn = _pick(r, _TB_FILES)
        b.d("  ").f("File").d(' "').f(f"{_pick(r, _PY)}/{path}").d('", ').f("line").sp().f(_ri(r, 10, 9999))
        b.d(", ").f("in").sp().f(fn)
    elif k == 3:
        emit(r, b, _pick(r, _TB_CODE), ctx)
    else:
        emit(r, b, _pick(r, _TB_EXC), ctx)


def _debug_tail(r, b: Line, logger: str, devstack: bool, pid: str):
    """``... _get_power_state /usr/lib/python2.7/dist-packages/nova/compute/manager.py:1234``,
    devstack: ``{{(pid=2931) inner /opt/stack/.../lockutils.py:386}}``."""
    fn = _pick(r, ("inner", "_get_power_state", "run_periodic_tasks", "__call__", "_update_available_resource",
                   "_process_incoming", "do_notify", "wrapper"))
    mod = logger.replace(".", "/")
    path = f"{_pick(r, _PY)}/{mod}.py" if not devstack else f"/opt/stack/{logger.split('.')[0]}/{mod}.py"
    if devstack:
        b.d(" {{(").kv("pid", pid).d(") ").f(fn).sp().f(path).d(":").f(_ri(r, 10, 3000)).d("}}")
    else:
        b.sp().f(fn).sp().f(path).d(":").f(_ri(r, 10, 3000))


def ctx_pid(r) -> str:
    return str(_ri(r, 2, 99999))


_DEBUG_MSGS = tpls(
    O, 'Lock "compute_resources" acquired by "nova.compute.resource_tracker.ResourceTracker._update_available_resource" :: waited {dur}s',
    'Lock "compute_resources" released by "nova.compute.resource_tracker.ResourceTracker.instance_claim" :: held {dur}s',
    "Running periodic task ComputeManager.{periodic}", "[instance: {inst}] Checking state",
    "Received RPC response for msg {hex32}", "CALL msg_id: {hex32} exchange 'nova' topic 'conductor'",
    "Hypervisor/Node resource view: name={node} free_ram={mb}MB free_disk={gb}GB free_vcpus={n2} pci_devices=None",
    "Acquiring semaphore \"refresh_cache-{inst}\"", "Creating new session for {uuid}")


@family("openstack")
def openstack(r) -> Line:
    """oslo.log ``[logfile ]date time pid LEVEL logger [context] message`` of nova, neutron,
    cinder, glance and keystone (Loghub OpenStack), also behind a syslog/journald prefix
    (devstack) and as ``grep -r`` output."""
    b = Line()
    logger, svc, levels, templates = _pick(r, _OS_GROUPS)
    t = _moment(r)
    pid = ctx_pid(r)
    v = _rr(r, 10)
    ctx: dict = {}
    devstack = v == 9
    if v <= 4:                                        # Loghub: the log-file name glued in front
        b.f(_logfile(r, svc, t, logger)).sp()
    elif v == 8:                                      # grep -r /var/log/nova/nova-api.log:<line>
        s = svc or "nova-compute"
        b.f(f"/var/log/{s.split('-')[0]}/{s}.log").d(":")
    if devstack:
        header(r, b, svc or "nova-compute", int(pid), _pick(r, ("bsd", "iso", "bsd")))
    else:
        b.f(f"{t:%Y-%m-%d %H:%M:%S}.{_ms(t)}").sp().f(pid).sp()
    tb = _chance(r, 0.07)
    if tb:
        level = _pick(r, ("ERROR", "ERROR", "ERROR", "TRACE", "CRITICAL"))
        logger = _pick(r, _TB_LOGGERS)
    elif _chance(r, 0.08):
        level = "DEBUG"
    else:
        level = _pick(r, levels)
    b.f(level).sp().f(logger).sp()
    if tb:
        if _chance(r, 0.4):
            _os_context(r, b, False)
            b.sp()
        _os_traceback(r, b, ctx)
        return b
    _os_context(r, b, logger.startswith("keystone"))
    b.sp()
    if level == "DEBUG":
        emit(r, b, _pick(r, _DEBUG_MSGS), ctx)
        if _chance(r, 0.7) or devstack:
            _debug_tail(r, b, logger, devstack, pid)
        return b
    if templates is None:
        _os_http(r, b, logger)
    elif _chance(r, 0.04):
        message(r, b)
    else:
        emit(r, b, _pick(r, templates), ctx)
    return b


# ============================================================================ HealthApp
_HA_ACTIONS = ["android.intent.action.SCREEN_ON", "android.intent.action.SCREEN_OFF",
               "android.intent.action.TIME_TICK", "android.intent.action.USER_PRESENT",
               "android.intent.action.DATE_CHANGED", "android.intent.action.TIME_SET",
               "android.intent.action.ACTION_POWER_CONNECTED", "android.intent.action.ACTION_SHUTDOWN",
               "com.huawei.health.action.STEP_REPORT", "android.intent.action.TIMEZONE_CHANGED"]
_HA_FLUSH = ["timer", "stand step", "screen off", "time tick", "date change", "onSaveStepData",
             "shutdown", "full cache", "reboot", "sync"]
_HA_PKGS = ["com.huawei.health", "com.huawei.bone", "com.huawei.health.device",
            "com.huawei.hwid", "com.huawei.wear"]


def _ems(r) -> str:
    """Epoch milliseconds around the HealthApp capture (2017-12-23..2018-01-03), or any time."""
    if _chance(r, 0.7):
        return str(1513987200000 + _ri(r, 0, 950400) * 1000 + _pick(r, (0, 0, 0, _ri(r, 0, 999))))
    return str(int((_moment(r) - _dt.datetime(1970, 1, 1)).total_seconds()) * 1000)


def _hashrun(r, b, c):
    """``1514038440000##7007##548365##8661##16051##27173664``: one field (decisions 25, 37)."""
    parts = [_ems(r)] + [str(_ri(r, 0, 10 ** _ri(r, 1, 8))) for _ in range(_ri(r, 1, 6))]
    return b.f(("##" if _chance(r, 0.85) else "#").join(parts))


def _ha_kv(r, b, c):
    """Random ``key=value`` / ``key = value`` / ``key:value`` pairs joined by ``,`` or blanks."""
    n = _ri(r, 1, 4)
    sep = _pick(r, ("=", "=", " = ", " =", "= ", ":", ": "))
    join = _pick(r, (",", ", ", " ", ","))
    for i in range(n):
        if i:
            b.d(join)
        key = _pick(r, _HA_KEYS)
        k = _rr(r, 6)
        if k == 0:
            value = _pick(r, ("true", "false", "null"))
        elif k == 1:
            value = _ems(r)
        elif k == 2:
            value = _dec(r, 1000, 1)
        elif k == 3:
            value = _hashrun(r, Line(), c).text
        else:
            value = _ri(r, 0, 10 ** _ri(r, 1, 6))
        if sep == "= ":
            # `key= value`: a `=` glued to its key and followed by a blank gives an empty
            # field (logsplit.fieldspans); the value after the blank is a field of its own
            b.kv(key, "").sp().f(value)
        else:
            b.kv(key, value, sep=sep)


_HA_KEYS = ["totalSteps", "type", "userID", "size", "syncType", "syncDataType", "isAutoSync",
            "deviceCode", "startTime", "endTime", "value", "stepCount", "calorie", "distance",
            "altitude", "floor", "status", "version", "clientId", "huid", "count", "result",
            "isUpdateHeartRate", "changeType", "goal", "dataID", "level", "timeZone", "flag"]
H = dict(
    _BASE,
    n5=ints(10000, 99999),
    ems=lambda r, b, c: b.f(_ems(r)),
    hashrun=_hashrun,
    kvs=_ha_kv,
    action=one_of(*_HA_ACTIONS),
    flush=lambda r, b, c: b.words(_pick(r, _HA_FLUSH)),
    bool=one_of("true", "false"),
    pkg=one_of(*_HA_PKGS),
    date8=lambda r, b, c: b.f(_moment(r).strftime("%Y%m%d")),
    dec1=lambda r, b, c: b.f(_dec(r, 9999, 1)),
    steps=ints(0, 30000),
    cal=ints(1000, 400000),
    big=lambda r, b, c: b.f(str(_ri(r, 10000, 999999))),
)
# (component, templates)
_HA = [
    ("Step_LSC", tpls(H, "onStandStepChanged {steps}", "onStandStepChanged {steps}", "onExtend:{ems} {n2} {n} {n}",
                      "processHandleBroadcastAction action:{action}", "onExtend:{ems} {n} {n} {n}",
                      "getStepCounterSwitchStatus isOpen={bool}", "isUnderDeviceIdle deviceIdle={bool}")),
    ("Step_StandReportReceiver", tpls(H, "onReceive action: {action}", "onReceive action: {action}",
                                      "REPORT : {steps} {steps} {big} {n3}", "REPORT : {steps} {steps} {big} {n3}")),
    ("Step_SPUtils", tpls(H, " getTodayTotalDetailSteps = {hashrun}", "getTodayTotalDetailSteps = {hashrun}",
                          "setTodayTotalDetailSteps={hashrun}", "setTodayTotalDetailSteps={hashrun}",
                          "getTodayBasicStandSteps = {steps}", "setTodayBasicStandSteps={steps}",
                          "setLastSaveTime {ems}")),
    ("Step_ExtSDM", tpls(H, "calculateCaloriesWithCache totalCalories={cal}", "calculateAltitudeWithCache totalAltitude={n3}",
                         "calculateCaloriesWithCache totalCalories={cal}", "calculateDistanceWithCache totalDistance={big}",
                         "upAltitude={n3}, downAltitude={n3}")),
    ("Step_StandStepCounter", tpls(H, "flush sensor data", "flush sensor data", "registerStandStepListener success",
                                   "onSensorChanged stepCounter={big}")),
    ("Step_FlushableStepDataCache", tpls(H, "flushTempCacheToDB by {flush}", "flushTempCacheToDB by {flush}",
                                         "flushTempCacheToDB by {flush}, size = {n2}")),
    ("Step_NotificationUtil", tpls(H, "new date ={date8}, type={n},{dec1},{dec1},{n},{ems}",
                                   "isShowNotification={bool}", "updateNotification steps:{steps}")),
    ("Step_ScreenUtil", tpls(H, "screen status unknown,think screen on", "screen status {bool}")),
    ("Step_HGNH", tpls(H, "setGoalNotifiShown {date8} {bool}", "isGoalReached steps={steps}, goal={steps}")),
    ("HiH_HiSyncControl", tpls(H, "checkCommonSyncPerm isAutoSync={bool}", "startSync syncType = {n}, syncDataType = {num}",
                               "getAppContext() context = {pkg}", "syncData() return cause sync is running",
                               "checkHiHealthLogin() app is not login", "startSync() {kvs}")),
    ("HiH_HiHealthDataInsertStore", tpls(H, "saveRealTimeHealthDataToDB() size = {n2}",
                                         "insertHiHealthData() bulkSaveDetailHiHealthData size = {n2},isUpdateHeartRate = {bool}",
                                         "saveOneDetailData fail hiHealthData = HiHealthData{type={num}, startTime={ems}, endTime={ems}, value={dec1}}",
                                         "saveHealthDetailData() {kvs}")),
    ("HiH_HiBroadcastUtil", tpls(H, "sendSyncFailedBroadcast", "sendSyncSuccessBroadcast type={n}")),
    ("HiH_HiAppUtil", tpls(H, "getAppInfo() packageName = {pkg}", "getAppId() appId = {n5}")),
    ("HiH_ListenerManager", tpls(H, "onChange() type = {n}, changeType = {n}", "registerDataListener() {kvs}")),
    ("HiH_DataStatManager", tpls(H, "insertHiHealthData() type = {n}, userID = {big}", "{kvs}")),
]
# Step_LSC, Step_StandReportReceiver, Step_SPUtils, Step_ExtSDM... dominate the real log
_HA_W = _HA[:6] * 3 + _HA[6:]
_HA_PIDS = ("30002312", "30001312", "30002419", "10086421", "20004312", "31117785")


@family("healthapp")
def healthapp(r) -> Line:
    """Huawei HealthApp ``yyyyMMdd-HH:mm:ss:SSS|Component|pid|message`` (Loghub HealthApp)."""
    b = Line()
    t = _moment(r)
    ms = t.microsecond // 1000
    b.f(t.strftime("%Y%m%d-%H:%M:%S:") + (f"{ms:03d}" if _chance(r, 0.9) else str(ms))).d("|")
    comp, templates = _pick(r, _HA_W)
    if _chance(r, 0.06):
        comp = _pick(r, ("Step_", "HiH_")) + _pick(r, ("StepCounter", "DataCache", "SyncDataUtil", "HiHealthBinder",
                                                      "HiSyncUtil", "StandStepDataManager", "CloudSync"))
    b.f(comp).d("|")
    b.f(_pick(r, _HA_PIDS) if _chance(r, 0.9) else str(_ri(r, 1000, 39999999))).d("|")
    k = _rr(r, 20)
    if k == 0:
        message(r, b)
    elif k == 1:                                      # a bare method call with pairs
        b.f(_pick(r, ("getTotalSteps", "updateStepData", "onDataChanged", "queryStepData", "syncStepData")))
        if _chance(r, 0.5):
            b.d("()")
        b.sp()
        _ha_kv(r, b, None)
    else:
        emit(r, b, _pick(r, templates))
    return b


# ============================================================================ cloud_misc
def _asctime(t, sep=",") -> str:
    return f"{t:%Y-%m-%d %H:%M:%S}{sep}{_ms(t)}"


_KS = ["system", "system_schema", "system_auth", "keyspace1", "ks_prod", "metrics", "users"]
_TABLES = ["compaction_history", "peers", "local", "sstable_activity", "standard1", "events", "size_estimates"]


def _cass_path(r) -> str:
    return (f"/var/lib/cassandra/data/{_pick(r, _KS)}/{_pick(r, _TABLES)}-{_hex(r, 32)}/"
            f"{_pick(r, ('mc', 'md', 'nb', 'ka'))}-{_ri(r, 1, 999)}-big")


C = dict(
    _BASE,
    cpath=lambda r, b, c: b.f(_cass_path(r)),
    ks=one_of(*_KS),
    tbl=one_of(*_TABLES),
    kib=lambda r, b, c: b.f(_dec(r, 999, 3) + _pick(r, ("KiB", "MiB"))),
    ms=lambda r, b, c: b.f(f"{_ri(r, 1, 9999)}ms"),
    dms=lambda r, b, c: b.f(_dec(r, 999, _pick(r, (3, 6))) + "ms"),
    tput=lambda r, b, c: b.f(_dec(r, 99, 3) + _pick(r, ("MiB/s", "KiB/s"))),
    jver=one_of("1.8.0_292", "11.0.11", "1.8.0_181", "17.0.2"),
)
_CASS_MSGS = [
    ("CompactionTask.java", tpls(
        C, "Compacting ({uuid}) [{cpath}-Data.db:level=0, {cpath}-Data.db:level=0, ]",
        "Compacted ({uuid}) {n} sstables to [{cpath},] to level=0.  {num} bytes to {num} (~{n2}% of original) in {ms}.  Read Throughput = {tput}, Write Throughput = {tput}, Row Throughput = ~{num}/s.  {num} total partitions merged to {num}.  Partition merge counts were {1:{num}, 2:{n3}, }",
        "Compacted {n} sstables to [{cpath},].  {num} bytes to {num} (~{n2}% of original) in {ms} = {tput}.  {num} total partitions merged to {num}.")),
    ("ColumnFamilyStore.java", tpls(
        C, "Enqueuing flush of {tbl}: {kib} ({n}%) on-heap, {kib} ({n}%) off-heap",
        "Initializing {ks}.{tbl}", "Flushing largest CFS(Keyspace='{ks}', ColumnFamily='{tbl}') to free up room. Used total: {dec}/{dec}, live: {dec}/{dec}, flushing: 0.00/0.00, this: {dec}/{dec}")),
    ("Memtable.java", tpls(
        C, "Writing Memtable-{tbl}@{big}({kib} serialized bytes, {n} ops, {n}%/{n}% of on/off-heap limit)",
        "Completed flushing {cpath}-Data.db ({kib}) for commitlog position CommitLogPosition(segmentId={big}, position={num})")),
    ("Gossiper.java", tpls(
        C, "InetAddress ‹/›{ip} is now DOWN", "InetAddress ‹/›{ip} is now UP", "Node ‹/›{ip} has restarted, now UP",
        "Convicting ‹/›{ip} with status NORMAL - alive false")),
    ("StorageService.java", tpls(
        C, "Node ‹/›{ip} state jump to NORMAL", "Starting up server gossip", "Joining: waiting for ring information",
        "Cassandra version: 3.11.{n2}", "CQL supported versions: 3.4.4 (default: 3.4.4)")),
    ("GCInspector.java", tpls(
        C, "G1 Young Generation GC in {ms}.  G1 Eden Space: {big} -> 0; G1 Old Gen: {big} -> {big}; G1 Survivor Space: {num} -> {num}",
        "ConcurrentMarkSweep GC in {ms}.  CMS Old Gen: {big} -> {big}; Par Eden Space: {big} -> {num}")),
    ("CassandraDaemon.java", tpls(
        C, "JVM vendor/version: OpenJDK 64-Bit Server VM/{jver}", "Heap size: {dec}MiB/{dec}MiB",
        "Hostname: {host}", "Exception in thread Thread[CompactionExecutor:{n},1,main]")),
    ("NoSpamLogger.java", tpls(
        C, "Maximum memory usage reached ({kib}), cannot allocate chunk of {kib}",
        "Out of {n2} commit log syncs over the past {dec}s with average duration of {dms}, {n} have exceeded the configured commit interval by an average of {dms}")),
    ("OutboundTcpConnection.java", tpls(C, "Handshaking version with ‹/›{ip}", "Cannot handshake version with ‹/›{ip}")),
    ("MigrationManager.java", tpls(C, "Create new table: {ks}.{tbl}", "Drop Keyspace '{ks}'")),
]
_CASS_THREADS = [("CompactionExecutor", True), ("MemtableFlushWriter", True), ("NonPeriodicTasks", True),
                 ("ScheduledTasks", True), ("GossipStage", True), ("MigrationStage", True),
                 ("OptionalTasks", True), ("GossipTasks", True), ("ValidationExecutor", True),
                 ("PerDiskMemtableFlushWriter_0", True), ("main", False), ("SlabPoolCleaner", False),
                 ("Service Thread", False), ("StorageServiceShutdownHook", False),
                 ("SharedPool-Worker-1", False), ("Native-Transport-Requests-3", False)]
_STATUS_POOLS = ["MutationStage", "ReadStage", "RequestResponseStage", "CompactionExecutor",
                 "MemtableFlushWriter", "GossipStage", "Native-Transport-Requests", "HintsDispatcher"]


def _cassandra(r, b: Line):
    """``INFO  [CompactionExecutor:1] 2017-05-16 00:00:04,562 CompactionTask.java:253 - msg``."""
    lv = _pick(r, ("INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG"))
    b.f(lv).d(" " * (6 - len(lv)) + "[")
    if _chance(r, 0.06):                              # RMI TCP Connection(2)-127.0.0.1 (decision 33)
        b.words("RMI TCP Connection").d("(").f(_ri(r, 1, 99)).d(")-").f(_pick(r, ("127.0.0.1", _ip(r))))
    else:
        name, idx = _pick(r, _CASS_THREADS)
        b.words(name)
        if idx:                                       # `pool:index`: the colon separates (decision 29)
            b.d(":").f(_ri(r, 1, 16))
    t = _moment(r)
    b.d("] ").f(_asctime(t)).sp()
    if _chance(r, 0.08):                              # StatusLogger pool table row (decision 49)
        b.f("StatusLogger.java").d(":").f(_ri(r, 47, 101)).d(" - ")
        pool = _pick(r, _STATUS_POOLS)
        b.f(pool).d(" " * max(1, 30 - len(pool)))
        for w in (9, 10, 16, 10, 18):
            v = str(_ri(r, 0, 9) if _chance(r, 0.6) else _ri(r, 0, 10 ** 7))
            b.d(" " * max(1, w - len(v))).f(v)
        return
    fname, ops = _pick(r, _CASS_MSGS)
    b.f(fname).d(":").f(_ri(r, 40, 1800)).d(" - ")
    emit(r, b, _pick(r, ops))


_TOPICS = ["orders", "events", "t", "__consumer_offsets", "payments.v1", "logs-app", "clicks_raw", "_schemas"]
K = dict(
    _BASE,
    tp=lambda r, b, c: b.f(f"{_pick(r, _TOPICS)}-{_ri(r, 0, 49)}"),
    dir=one_of("/var/lib/kafka/data", "/tmp/kafka-logs", "/kafka/kafka-logs-broker-1", "/data/kafka"),
    group=lambda r, b, c: b.f(_pick(r, ("console-consumer-", "connect-", "billing-", "spark-kafka-source-")) + str(_ri(r, 1, 99999))),
    member=lambda r, b, c: b.f(f"consumer-{_ri(r, 1, 9)}-{_uuid(r)}"),
    off=lambda r, b, c: b.f(str(_ri(r, 0, 10 ** _ri(r, 1, 9)))),
    host=lambda r, b, c: b.f(_pick(r, ("kafka-0.kafka-headless.default.svc.cluster.local", "broker1", "kafka-broker-2", _ip(r)))),
    sess=lambda r, b, c: b.f("0x" + _hex(r, _ri(r, 12, 15))),
)
# (logger, templates)
_KAFKA = [
    ("kafka.server.ReplicaFetcherThread", tpls(
        K, "[ReplicaFetcher replicaId={n}, leaderId={n}, fetcherId={n}] Truncating partition {tp} to local high watermark {off}",
        "[ReplicaFetcher replicaId={n}, leaderId={n}, fetcherId={n}] Starting", "[ReplicaFetcher replicaId={n}, leaderId={n}, fetcherId={n}] Stopped",
        "[ReplicaFetcher replicaId={n}, leaderId={n}, fetcherId={n}] Error sending fetch request (sessionId={off}, epoch={n3}) to node {n}: java.io.IOException: Connection to {n} was disconnected before the response was read.")),
    ("kafka.server.ReplicaFetcherManager", tpls(
        K, "[ReplicaFetcherManager on broker {n}] Removed fetcher for partitions Set({tp}, {tp})",
        "[ReplicaFetcherManager on broker {n}] Added fetcher to broker BrokerEndPoint(id={n}, host={host}:9092) for partitions Map({tp} -> (offset={off}, leaderEpoch={n2}))")),
    ("kafka.coordinator.group.GroupCoordinator", tpls(
        K, "[GroupCoordinator {n}]: Preparing to rebalance group {group} in state PreparingRebalance with old generation {n2} (__consumer_offsets-{n2}) (reason: Adding new member {member} with group instance id None)",
        "[GroupCoordinator {n}]: Stabilized group {group} generation {n2} (__consumer_offsets-{n2}) with {n} members",
        "[GroupCoordinator {n}]: Assignment received from leader for group {group} for generation {n2}. The group has {n} members, 0 of which are static.",
        "[GroupCoordinator {n}]: Member {member} in group {group} has failed, removing it from the group")),
    ("kafka.coordinator.group.GroupMetadataManager", tpls(
        K, "[GroupMetadataManager brokerId={n}] Removed {n} expired offsets in {n} milliseconds.",
        "[GroupMetadataManager brokerId={n}] Finished loading offsets and group metadata from __consumer_offsets-{n2} in {n2} milliseconds, of which {n} milliseconds was spent in the scheduler.")),
    ("kafka.log.Log", tpls(
        K, "[Log partition={tp}, dir={dir}] Rolled new log segment at offset {off} in {n} ms.",
        "[Log partition={tp}, dir={dir}] Deleting segment {off}",
        "[Log partition={tp}, dir={dir}] Found deletable segments with base offsets [{off}] due to retention time {num}ms breach",
        "[Log partition={tp}, dir={dir}] Loading producer state till offset {off} with message format version 2",
        "[Log partition={tp}, dir={dir}] Completed load of log with {n} segments, log start offset {off} and log end offset {off} in {n2} ms")),
    ("kafka.log.ProducerStateManager", tpls(
        K, "[ProducerStateManager partition={tp}] Writing producer snapshot at offset {off}",
        "[ProducerStateManager partition={tp}] Loading producer state from snapshot file '{dir}/{tp}/{off}.snapshot'")),
    ("kafka.cluster.Partition", tpls(
        K, "[Partition {tp} broker={n}] ISR updated to [{n},{n}] and zkVersion updated to [{n2}]",
        "[Partition {tp} broker={n}] Shrinking ISR from {n},{n},{n} to {n}. Leader: (highWatermark: {off}, endOffset: {off}). Out of sync replicas: (brokerId: {n}, endOffset: {off}).",
        "[Partition {tp} broker={n}] No checkpointed highwatermark is found for partition {tp}")),
    ("kafka.server.KafkaServer", tpls(
        K, "[KafkaServer id={n}] started", "[KafkaServer id={n}] shutting down", "[KafkaServer id={n}] shut down completed",
        "[KafkaServer id={n}] Starting controlled shutdown")),
    ("kafka.controller.KafkaController", tpls(
        K, "[Controller id={n}] Processing automatic preferred replica leader election",
        "[Controller id={n}] {n} successfully elected as the controller. Epoch incremented to {n2} and epoch zk version is now {n2}",
        "[Controller id={n}] Newly added brokers: {n}, deleted brokers: , bounced brokers: , all live brokers: {n},{n},{n}")),
    ("kafka.network.SocketServer", tpls(K, "[SocketServer brokerId={n}] Started {n} acceptor threads for data-plane",
                                        "[SocketServer brokerId={n}] Failed authentication with ‹/›{ip} (SSL handshake failed)")),
    ("kafka.network.Acceptor", tpls(K, "Awaiting socket connections on 0.0.0.0:9092.")),
    ("kafka.zk.KafkaZkClient", tpls(
        K, "Registered broker {n} at path /brokers/ids/{n} with addresses: ArrayBuffer(EndPoint({host},9092,ListenerName(PLAINTEXT),PLAINTEXT)), czxid (broker epoch): {off}")),
    ("kafka.zookeeper.ZooKeeperClient", tpls(K, "[ZooKeeperClient Kafka server] Connected.", "[ZooKeeperClient Kafka server] Waiting until connected.")),
    ("org.apache.zookeeper.ClientCnxn", tpls(
        K, "Client session timed out, have not heard from server in {num}ms for sessionid {sess}",
        "Session establishment complete on server {host}‹/›{ip}:2181, sessionid = {sess}, negotiated timeout = 18000")),
]
_CONNECT = tpls(
    K, "[Worker clientId=connect-{n}, groupId=connect-cluster] Finished starting connectors and tasks",
    "[Worker clientId=connect-{n}, groupId=connect-cluster] Rebalance started",
    "[Consumer clientId=consumer-{group}-{n}, groupId={group}] Setting offset for partition {tp} to the committed offset FetchPosition{offset={off}, offsetEpoch=Optional[{n}], currentLeader=LeaderAndEpoch{leader=Optional[{host}:9092 (id: {n} rack: null)], epoch={n}}}",
    "[Producer clientId=producer-{n}] Cluster ID: {hex16}")
_CONNECT_CLASSES = ["org.apache.kafka.connect.runtime.distributed.DistributedHerder",
                    "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
                    "org.apache.kafka.clients.Metadata", "org.apache.kafka.connect.runtime.WorkerSinkTask"]


def _kafka(r, b: Line):
    """``[2017-05-16 00:00:04,562] INFO [ReplicaFetcher ...] msg (kafka.server.X)``."""
    t = _moment(r)
    b.d("[").f(_asctime(t)).d("] ").f(_pick(r, ("INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG", "TRACE"))).sp()
    if _chance(r, 0.15):                               # Kafka Connect: (class:line)
        emit(r, b, _pick(r, _CONNECT))
        b.d(" (").f(_pick(r, _CONNECT_CLASSES)).d(":").f(_ri(r, 50, 1500)).d(")")
        return
    logger, ops = _pick(r, _KAFKA)
    emit(r, b, _pick(r, ops))
    if _chance(r, 0.92):
        b.d(" (").f(logger).d(")")


_RMQ_HOSTS = ["rmq-0", "rabbit1", "node2", "rabbitmq-1.rabbitmq-headless.default.svc.cluster.local",
              "mq01.example.com", "localhost", "my-rabbit"]


def _epid(r) -> str:
    return f"0.{_ri(r, 100, 99999)}.{_pick(r, (0, 0, 0, _ri(r, 1, 9)))}"


def _rmq_node(r, b, c):
    _at_name(b, "rabbit", _pick(r, _RMQ_HOSTS))


R = dict(
    _BASE,
    epid=lambda r, b, c: b.d("<").f(_epid(r)).d(">"),
    rpid=lambda r, b, c: b.d("<").f(f"{_ri(r, 1000, 99999)}.{_ri(r, 100, 9999)}.{_ri(r, 0, 9)}").d(">"),
    conn=lambda r, b, c: b.d("(").f(_ip(r)).d(":").f(_cport(r)).d(" -> ").f(_ip(r)).d(":").f(_pick(r, ("5672", "5671"))),
    ruser=one_of("guest", "admin", "app", "celery", "openstack", "svc-orders"),
    vhost=one_of("/", "/", "prod", "celery", "/openstack", "staging"),
    queue=lambda r, b, c: b.f(_pick(r, ("orders", "celery", "notifications.info", "amq.gen-" + _hex(r, 8), "reply_" + _hex(r, 6)))),
    rlog=lambda r, b, c: b.f(f"/var/log/rabbitmq/rabbit@{_pick(r, _RMQ_HOSTS[:3])}.log"),
    node=_rmq_node,
    rver=one_of("3.8.9", "3.9.13", "3.11.2", "3.12.6", "3.7.28"),
    otp=one_of("23.1.4", "24.3.4", "25.3.2.6", "22.3"),
    bytes=lambda r, b, c: b.f(str(_ri(r, 10 ** 8, 10 ** 11))),
    app=lambda r, b, c: (_at_name(b, "celery", _pick(r, ("worker-1", "w2.example.com"))) if _chance(r, 0.3)
                         else b.f(_pick(r, ("nova-compute", "orders-service", "neutron-server", "shovel-1")))),
    step=one_of("rabbit_core_metrics", "rabbit_alarm", "rabbit_mnesia", "rabbit_epmd_monitor", "rabbit_guid"),
    mdir=lambda r, b, c: b.f(f"/var/lib/rabbitmq/mnesia/rabbit@{_pick(r, _RMQ_HOSTS[:3])}/msg_stores/vhosts/{_hex(r, 25).upper()}/msg_store_persistent"),
)
_RMQ_MSGS = tpls(
    R, "accepting AMQP connection {epid} {conn})", "accepting AMQP connection {epid} {conn})",
    "connection {epid} {conn}): user '{ruser}' authenticated and granted access to vhost '{vhost}'",
    "closing AMQP connection {epid} {conn}, vhost: '{vhost}', user: '{ruser}')",
    "closing AMQP connection {epid} {conn}): client unexpectedly closed TCP connection",
    "Connection {epid} {conn}) has a client-provided name: {app}",
    "Server startup complete; {n} plugins started.", "Setting permissions for '{ruser}' in '{vhost}' to '«.*»', '«.*»', '«.*»'",
    "Mirrored queue '{queue}' in vhost '{vhost}': Adding mirror on node {node}: {rpid}",
    "Starting RabbitMQ {rver} on Erlang {otp}", "Memory high watermark set to {num} MiB ({bytes} bytes) of {num} MiB ({bytes} bytes) total",
    "Free disk space is insufficient. Free bytes: {bytes}. Limit: {bytes}", "vm_memory_high_watermark set. Memory used:{bytes} allowed:{bytes}",
    "Stopping message store for directory '{mdir}'", "Running boot step {step} defined by app rabbit",
    "Management plugin: HTTP (non-TLS) listener started on port 15672", "Ready to start client connection listeners",
    "Peer discovery backend rabbit_peer_discovery_k8s does not support registration, skipping registration.",
    "node           : {node}", "home dir       : /var/lib/rabbitmq", "config file(s) : /etc/rabbitmq/rabbitmq.conf",
    "log(s)         : {rlog}")


def _rabbitmq(r, b: Line):
    """``2023-10-10 13:55:36.123 [info] <0.1234.0> msg`` (3.7+), ``=INFO REPORT==== ts ===`` (old)."""
    t = _moment(r)
    if _chance(r, 0.12):                              # rabbit 3.6 and older: report header line
        b.d("=").f(_pick(r, ("INFO", "INFO", "WARNING", "ERROR"))).sp().f("REPORT").d("==== ")
        b.f(f"{t.day}-{t:%b-%Y::%H:%M:%S}").d(" ===")
        return
    if _chance(r, 0.5):
        b.f(f"{t:%Y-%m-%d %H:%M:%S}.{_ms(t)}")
    else:
        b.f(f"{t:%Y-%m-%d %H:%M:%S}.{t.microsecond:06d}" + _pick(r, ("+00:00", "+02:00", "-05:00")))
    lv = _pick(r, ("info", "info", "info", "warning", "error", "notice", "debug"))
    b.d(" [").f(lv).d("] ").d("<").f(_epid(r)).d("> ")
    emit(r, b, _pick(r, _RMQ_MSGS))


E = dict(
    _BASE,
    curl=lambda r, b, c: b.f(f"http://{_ip(r)}:{_pick(r, ('2379', '2380'))}"),
    mid=lambda r, b, c: b.f(c.setdefault("mid", _hex(r, 16))),
    peer=lambda r, b, c: b.f(_hex(r, 16)),
    name=one_of("infra0", "infra1", "etcd-0", "master-1", "default", "node3"),
    edur=lambda r, b, c: b.f(_dec(r, 999, _pick(r, (3, 6))) + _pick(r, ("ms", "ms", "s", "µs"))),
    ever=lambda r, b, c: b.f(f"3.{_pick(r, (2, 3, 3, 4))}.{_ri(r, 0, 27)}"),
    rev=lambda r, b, c: b.f(str(_ri(r, 1, 10 ** 7))),
)
_ETCD = [
    ("etcdserver", tpls(
        E, "published {Name:{name} ClientURLs:[{curl}]} to cluster {peer}",
        "starting server... [version: {ever}, cluster version: to_be_decided]",
        "setting up the initial cluster version to 3.{n}", "set the initial cluster version to 3.{n}",
        "{mid} as single-node; fast-forwarding 9 ticks (election ticks 10)",
        "applying entries took too long [{edur} for {n} entries]",
        "failed to send out heartbeat on time (exceeded the 100ms timeout for {edur}, to {peer})",
        "server is likely overloaded", "saved snapshot at index {rev}", "compacted raft log at {rev}")),
    ("etcdserver/api", tpls(E, "enabled capabilities for version 3.{n}")),
    ("raft", tpls(
        E, "{mid} became leader at term {n2}", "{mid} is starting a new election at term {n2}",
        "{mid} became candidate at term {n2}", "{mid} received MsgVoteResp from {mid} at term {n2}",
        "{mid} [logterm: {n}, index: {rev}] sent MsgVote request to {peer} at term {n2}",
        "{mid} [term: {n}] received a MsgVote message with higher term from {peer} [term: {n2}]",
        "{mid} became follower at term {n2}")),
    ("raft.node", tpls(E, "{mid} elected leader {peer} at term {n2}", "{mid} lost leader {peer} at term {n2}")),
    ("rafthttp", tpls(
        E, "peer {peer} became active", "peer {peer} became inactive (message send to peer failed)",
        "established a TCP streaming connection with peer {peer} (stream MsgApp v2 reader)",
        "lost the TCP streaming connection with peer {peer} (stream Message writer)",
        'health check for peer {peer} could not connect: dial tcp {ip}:2380: connect: connection refused (prober "ROUND_TRIPPER_RAFT_MESSAGE")')),
    ("embed", tpls(
        E, "ready to serve client requests", "serving insecure client requests on {ip}:2379, this is strongly discouraged!",
        "listening for peers on {curl}", "serving client requests on {ip}:2379")),
    ("mvcc", tpls(E, "store.index: compact {rev}", "finished scheduled compaction at {rev} (took {edur})")),
    ("wal", tpls(E, "sync duration of {edur}, expected less than 1s")),
    ("etcdmain", tpls(E, "etcd Version: {ever}", "Git SHA: {hex7}", "Go Version: go1.{n2}.{n}",
                      "Go OS/Arch: linux/amd64", "setting maximum number of CPUs to {n2}, total number of available CPUs is {n2}")),
]


def _etcd(r, b: Line):
    """etcd 3.3 capnslog: ``2023-10-10 13:55:36.123456 I | etcdserver: msg``."""
    t = _moment(r)
    b.f(f"{t:%Y-%m-%d %H:%M:%S}.{t.microsecond:06d}").sp()
    b.f(_pick(r, "IIIIWWENDC")).d(" | ")
    if _chance(r, 0.1):                               # slow read-only range request
        b.f("etcdserver").d(": ").words("read-only range request").d(' "')
        key = f"/registry/{_pick(r, ('pods', 'leases', 'services/endpoints', 'configmaps'))}/{_pick(r, ('default', 'kube-system'))}/{_pick(r, ('web', 'kube-scheduler', 'coredns'))}"
        # escaped quotes stay inside the quoted value (decision 61); the value never ends on one
        b.f(f'key:\\"{key}/\\" range_end:\\"{key}0\\" ' + _pick(r, ("count_only:true", "limit:500", "limit:10000")))
        b.d(' " ').words("with result").d(' "')
        b.f(f"range_response_count:{_ri(r, 0, 500)} size:{_ri(r, 10, 99999)}").d('" ').words("took too long").d(" (")
        b.f(_dec(r, 999, 6) + "ms").d(") ").words("to execute")
        return
    pkg, ops = _pick(r, _ETCD)
    b.f(pkg).d(": ")
    emit(r, b, _pick(r, ops), {})


HC = dict(
    _BASE,
    node=lambda r, b, c: b.f(_pick(r, ("node1", "consul-server-0", "ip-10-0-3-17", "vault-1", "nomad-client-2", "node1.dc1"))),
    svc=one_of("web", "api", "redis", "consul", "vault", "payments-v2", "ingress-gateway"),
    mpath=one_of("secret/", "kv/", "pki/", "transit/", "database/", "aws/"),
    mtype=one_of("kv", "pki", "transit", "database", "aws", "kv-v2"),
    lease=lambda r, b, c: b.f(f"auth/token/create/{_hex(r, 24)}"),
    task=one_of("web", "redis", "cache", "api-server", "prometheus"),
    hdur=lambda r, b, c: b.f(_dec(r, 999, _pick(r, (3, 6))) + _pick(r, ("ms", "s", "µs"))),
)
_HCLOG = [
    ("agent", tpls(
        HC, "Synced node info", "Synced node info", "Node info in sync", "Synced service: service={svc}",
        "(LAN) joined: number_of_nodes={n}", "Join cluster completed. Synced with initial agents: cluster=LAN num_agents={n}",
        "Consul agent running!", "Started DNS server: address=127.0.0.1:8600 network=udp",
        "Check is now critical: check=service:{svc}", "Deregistered service: service={svc}",
        "Coordinate update blocked by ACLs: accessorID=")),
    ("agent.server.raft", tpls(
        HC, "heartbeat timeout reached, starting election: last-leader-addr= last-leader-id=",
        'entering candidate state: node="Node at {ip}:8300 [Candidate]" term={n2}',
        "election won: tally={n}", 'entering leader state: leader="Node at {ip}:8300 [Leader]"',
        "failed to contact: server-id={uuid} time={hdur}")),
    ("agent.server.serf.lan", tpls(HC, "serf: EventMemberJoin: {node} {ip}", "serf: EventMemberFailed: {node} {ip}",
                                   "serf: EventMemberLeave: {node} {ip}")),
    ("agent.client", tpls(
        HC, 'RPC failed to server: method=Catalog.Register server={ip}:8300 error="rpc error making call: No cluster leader"',
        "adding server: server={node} (Addr: tcp‹/›{ip}:8300) (DC: dc1)")),
    ("agent.server", tpls(HC, "New leader elected: payload={node}",
                          "member joined, marking health alive: member={node} partition=default")),
    ("core", tpls(
        HC, "successfully mounted backend: type={mtype} path={mpath}", "vault is unsealed", "post-unseal setup complete",
        'successful mount: namespace="" path={mpath} type={mtype}', "security barrier not initialized",
        "seal configuration missing, not initialized", "acquired lock, enabling active operation",
        "core: stored unseal keys supported, attempting fetch")),
    ("core.cluster-listener.tcp", tpls(HC, "starting listener: listener_address=0.0.0.0:8201")),
    ("expiration", tpls(HC, "revoked lease: lease_id={lease}")),
    ("client.alloc_runner.task_runner", tpls(
        HC, 'Task event: alloc_id={uuid} task={task} type=Started msg="Task started by client" failed=false',
        'Task event: alloc_id={uuid} task={task} type="Restart Signaled" msg="healthcheck: check \\"{task}\\" unhealthy" failed=false')),
]
_HC_LEVELS = ("INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG", "TRACE")


def _hclog(r, b: Line):
    """hclog (Consul, Vault, Nomad): ``2023-10-10T13:55:36.123Z [INFO]  agent: msg``; Consul
    1.x before hclog: ``    2023/10/10 13:55:36 [INFO] agent: msg``."""
    t = _moment(r)
    lv = _pick(r, _HC_LEVELS)
    mod, ops = _pick(r, _HCLOG)
    if _chance(r, 0.25):
        b.d(_pick(r, ("    ", "", "    "))).f(f"{t:%Y/%m/%d %H:%M:%S}").d(" [").f(lv).d("] ")
        b.f(mod.rsplit(".", 1)[-1] if _chance(r, 0.5) else mod).d(": ")
    else:
        b.f(f"{t:%Y-%m-%dT%H:%M:%S}.{_ms(t)}" + _pick(r, ("Z", "Z", "+0200", "-0500", "+0000")))
        b.d(" [").f(lv).d("]" + " " * (6 - len(lv))).f(mod).d(": ")
    emit(r, b, _pick(r, ops), {})


def _ingress(r, b: Line):
    """ingress-nginx access log: the nginx combined line plus request length/time, the
    upstream name ``[ns-svc-port]``, alternative upstream ``[]``, upstream address(es)."""
    t = _moment(r)
    b.f(_ip(r)).sp().f("-").sp()                     # ident and user: fields even when `-`
    b.f(_pick(r, ("admin", "bob", "ci")) if _chance(r, 0.1) else "-").sp()
    b.d("[").f(f"{t:%d/%b/%Y:%H:%M:%S} +0000").d('] "')
    path = "/" + "/".join(_pick(r, ("api", "v1", "users", "healthz", "static", "orders", "login", str(_ri(r, 1, 999))))
                          for _ in range(_ri(r, 1, 4)))
    b.f(f"{_pick(r, ('GET', 'GET', 'POST', 'PUT', 'DELETE'))} {path} {_pick(r, ('HTTP/1.1', 'HTTP/2.0'))}").d('" ')
    st = _pick(r, ("200", "200", "200", "201", "304", "404", "499", "502", "503"))
    b.f(st).sp().f(_ri(r, 0, 99999)).d(' "')
    b.f(_pick(r, ("-", "-", "https://example.com/", "https://app.internal/login"))).d('" "')
    b.f(_pick(r, ("curl/8.4.0", "kube-probe/1.27", "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/118.0",
                  "Go-http-client/1.1", "python-requests/2.31.0"))).d('" ')
    b.f(_ri(r, 50, 9999)).sp().f(_dec(r, 3, 3)).d(" [")
    b.f(f"{_pick(r, ('default', 'prod', 'monitoring'))}-{_pick(r, ('web', 'api', 'grafana', 'orders-svc'))}-{_pick(r, ('80', '8080', '3000', 'http'))}")
    b.d("] [")
    if _chance(r, 0.1):
        b.f(_pick(r, ("default-web-canary-80", "prod-api-v2-8080")))
    b.d("] ")
    if st == "499" or _chance(r, 0.05):
        for _ in range(4):                              # no upstream: each `-` keeps its column
            b.f("-").sp()
    else:
        for i in range(1 if _chance(r, 0.85) else 2):
            if i:
                b.d(", ")
            b.f(f"10.244.{_ri(r, 0, 9)}.{_ri(r, 2, 254)}").d(":").f(_pick(r, ("80", "8080", "3000")))
        b.sp().f(_ri(r, 0, 99999)).sp().f(_dec(r, 3, 3)).sp().f(st).sp()
    b.f(_hex(r, 32))


CE = dict(
    _BASE,
    osd=lambda r, b, c: b.f(f"osd.{_ri(r, 0, 47)}"),
    ts=lambda r, b, c: b.f(_ceph_ts(r)),
    gib=lambda r, b, c: b.f(_dec(r, 999, 1)).sp().f(_pick(r, ("GiB", "TiB", "MiB"))),
    pgst=one_of("active+clean", "active+clean", "active+undersized+degraded", "active+recovering",
                "peering", "active+clean+scrubbing+deep", "stale+active+clean"),
    epoch=ints(100, 99999),
)


def _ceph_ts(r) -> str:
    t = _moment(r)
    return f"{t:%Y-%m-%dT%H:%M:%S}.{_ms(t)}+0000"


_CEPH = tpls(
    CE, "log_channel(cluster) log [DBG] : pgmap v{num}: {n3} pgs: {n3} {pgst}; {gib} data, {gib} used, {gib} / {gib} avail",
    "log_channel(cluster) log [DBG] : pgmap v{num}: {n3} pgs: {n2} {pgst}, {n3} {pgst}; {gib} data, {gib} used, {gib} / {gib} avail; {num} B/s rd, {num} op/s",
    "log_channel(cluster) log [INF] : {osd} marked itself down", "log_channel(cluster) log [INF] : Cluster is now healthy",
    "log_channel(cluster) log [WRN] : Health check failed: {n} osds down (OSD_DOWN)",
    "log_channel(cluster) log [WRN] : Health check update: Degraded data redundancy: {num}/{num} objects degraded ({dec}%), {n2} pgs degraded (PG_DEGRADED)",
    "{osd} {epoch} heartbeat_check: no reply from {ip}:68{n2} {osd} since back {ts} front {ts} (oldest deadline {ts})",
    "{osd} {epoch} state: booting -> active", "{osd} {epoch} start_boot", "{osd} {epoch} tick checking mon for new map",
    "bluestore(/var/lib/ceph/osd/ceph-{n2}) _open_alloc loaded {gib} in {num} extents",
    "{osd} {epoch} log_to_monitors {default=true}")


def _ceph(r, b: Line):
    """Ceph daemon log: ``2023-10-10T13:55:36.123+0000 7f3a12345700  0 subsys msg``."""
    b.f(_ceph_ts(r)).sp().f("7f" + _hex(r, 10)).sp()
    lv = _pick(r, ("0", "0", "0", "1", "-1", "5", "10", "20"))
    b.d(" " * (2 - len(lv))).f(lv).sp()
    emit(r, b, _pick(r, _CEPH))


_MISC = (_cassandra, _cassandra, _kafka, _kafka, _rabbitmq, _rabbitmq, _etcd, _etcd, _hclog, _hclog,
         _ingress, _ceph)


@family("cloud_misc")
def cloud_misc(r) -> Line:
    """Cassandra, Kafka (broker and Connect), RabbitMQ, etcd, Consul/Vault/Nomad (hclog),
    ingress-nginx and Ceph: each with its own header layout."""
    b = Line()
    _pick(r, _MISC)(r, b)
    return b
