"""Desktop client logs: macOS (syslog and the unified log) and the Proxifier Windows client.

Why: server logs dominate the rest of the corpus, while desktop logs have shapes of their own
that the model otherwise never sees: IOKit driver names glued to brackets and ``::`` methods
(``IOThunderboltSwitch<0>(0x0)::listenerCallback``), ``com.apple.*`` daemons, process names with
blanks (``Google Chrome Helper[61924]``), Objective-C frames (``-[Class sel:arg:]``), upper-case
IPv6, ``<<<< CRABS >>>>`` banners, ``FA||Url||taskID[...]`` pipes (each ``||`` holds an empty
field); and Proxifier's
``[10.30 16:49:06] chrome.exe *64 - host:port close, 1190 bytes (1.16 KB) sent, ...`` lines with
their byte counts, clock lifetimes (``00:01``, ``1:02:13``) and ``<1 sec``.

* ``macos``: the syslog layout of Mac OS X ``system.log`` (``Jul  1 09:00:55 host prog[pid]:``),
  without a host, with an ASL level (``prog[pid] <Notice>:``), ``--- last message repeated ---``,
  ``launchd`` service subjects (``com.apple.xpc.launchd[1] (com.apple.Foo[123]):``), and the
  unified log as ``log show`` prints it: default style (column-aligned or single-spaced
  ``timestamp thread type activity pid [ttl] process: (sender) [subsystem:category] msg``),
  compact style (``... Df kernel[0:1a2b] (sender) msg``) and syslog style.
* ``proxifier``: ``[MM.DD HH:MM:SS]`` (also ISO and day-first dates), the application, an
  optional ``(pid)`` and ``*64`` marker, ``-``, the target ``host:port`` (IPv4, IPv6 in brackets)
  and one of: open through proxy / chain, open directly, matching rule, close with byte counts
  and lifetime, error, resolve; plus service lines (start, profile, statistics).

Labels follow docs/LABELING.md by construction: headers are built field by field; message
bodies are templates (:func:`fam_syslog.tpl`: ``{slot}`` a typed value, ``«x»`` a literal field,
``‹x›`` a literal delimiter) whose constant words are labeled by the convention.  ``::``-qualified
names are written as literal fields (template text would split at the colons); an Objective-C
frame ``__73-[Cls sel:arg:]_block_invoke`` gives ``__73``, ``Cls``, ``sel``, ``arg``,
``_block_invoke`` (the ``-`` between a value and a bracket is a delimiter, decision 33; a colon
without a blank after it separates, decision 29).
"""
from __future__ import annotations

from . import family
from . import values as V
from .builder import Line
from .fam_syslog import SLOTS, _chance, _pick, _ri, _rr, emit, ints, one_of, ts_bsd, tpls
from .messages import _moment, message


def _hx(r, n: int) -> str:
    """``n`` lower-case hex digits (n <= 12), one draw."""
    return format(int(r.random() * (1 << (4 * n))), f"0{n}x")


def _hexv(r, b, c):
    """A small hex value as drivers print it: ``0x0``, ``0x3``, ``0x2a0``, ``0x8002be0``."""
    b.f("0x" + (_hx(r, _ri(r, 1, 8)).lstrip("0") or "0") if _chance(r, 0.7) else "0x0")


# ============================================================================ macos values
_MAC_IFACES = ["en0", "en0", "en0", "en1", "awdl0", "awdl0", "utun0", "utun1", "bridge0",
               "lo0", "p2p0", "llw0", "en5", "anpi0", "gif0", "stf0"]
_BUNDLES = ["com.apple.Safari", "com.google.Chrome", "com.tencent.qq", "com.tencent.xinWeChat",
            "com.microsoft.Word", "com.microsoft.Outlook", "com.apple.mail", "com.apple.iCal",
            "com.apple.finder", "com.apple.dock", "com.apple.Spotlight", "com.apple.systemuiserver",
            "com.apple.AddressBook", "com.apple.iTunes", "com.apple.Photos", "com.apple.Preview",
            "com.apple.quicklook.ui.helper", "com.apple.WebKit.WebContent", "com.apple.Terminal",
            "com.getdropbox.dropbox", "com.skype.skype", "com.apple.CloudPhotosConfiguration",
            "com.apple.photolibraryd", "com.apple.bird", "com.apple.cloudd", "com.apple.nsurlsessiond",
            "com.apple.geod", "com.apple.locationd", "com.apple.WindowServer"]
_LAUNCH_SVCS = ["com.apple.quicklook", "com.apple.preference.displays.MirrorDisplays",
                "com.apple.xpc.launchd.domain.pid.WebContent", "com.apple.mdworker.bundles",
                "com.apple.ReportCrash", "com.apple.photoanalysisd", "com.apple.imfoundation.IMRemoteURLConnectionAgent",
                "com.apple.WebKit.Networking", "com.apple.suggestd", "com.apple.AssetCacheLocatorService",
                "com.apple.nsurlsessiond", "com.apple.CoreSimulator.CoreSimulatorService",
                "com.apple.cloudphotosd", "com.apple.mdworker.shared", "com.apple.bsd.dirhelper",
                "com.apple.iCloudHelper", "com.apple.geod", "homed"]
_PROC1 = ["Safari", "QQ", "WeChat", "Dock", "Finder", "loginwindow", "WindowServer", "mds",
          "mdworker", "mds_stores", "cloudd", "bird", "accountsd", "imagent", "Mail", "Preview",
          "Terminal", "SystemUIServer", "photoanalysisd", "suggestd", "CalendarAgent", "Spotlight",
          "com.apple.WebKit.WebContent", "com.apple.WebKit.Networking", "Dropbox", "Skype",
          "coreaudiod", "powerd", "hidd", "bluetoothd", "sharingd", "locationd", "apsd", "nsurlsessiond"]
_MAC_SSIDS = ["CUHK", "CSL", "eduroam", "CUguest", "Wi-Fi.HK", "HomeNet-5G", "Starbucks", "iPhone"]
_WAKE_REASONS = ["RTC (Alarm)", "ARPT (Network)", "EC.LidOpen (User)", "XHC1", "EC.SleepTimer (SleepTimer)",
                 "EC.PowerButton (User)", "RTC (Maintenance)", "XHC1 XHC1", "ARPT"]
_STATES = ["IDLE", "RUNNING", "SUSPENDED", "ACTIVE", "INACTIVE", "Connected", "Disconnected",
           "On", "Off", "kSCNetworkReachabilityFlagsReachable", "WAITING", "READY", "CANCELLED"]
_SBOPS = ["file-read-data", "file-write-create", "mach-lookup", "network-outbound",
          "file-read-metadata", "ipc-posix-shm-read-data", "file-write-data", "sysctl-read"]
_MAC_USERS = ["xpc", "author", "john", "alice", "jdoe", "calvisitor", "mac", "admin"]


def _uuid_upper(r) -> str:
    h = (_hx(r, 12) + _hx(r, 12) + _hx(r, 8)).upper()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _t3(r, b, c):
    """The header's time again with milliseconds (``[11:45:13.216]``, sharingd's prefix)."""
    t = c.get("t") or _moment(r)
    b.f(t.strftime("%H:%M:%S.") + f"{t.microsecond // 1000:03d}")


def _ip6u(r, b, c):
    """IPv6 as Apple daemons print it: full upper case, compressed, or link-local with scope."""
    k = _rr(r, 4)
    g = [format(int(r.random() * 65536), "04X") for _ in range(4)]
    if k == 0:
        b.f("FE80:0000:0000:0000:" + ":".join(g))
    elif k == 1:
        b.f("FE80::" + ":".join(x.lstrip("0") or "0" for x in g))
    elif k == 2:
        b.f("2001:" + ":".join(g) + "::" + format(int(r.random() * 65536), "X"))
    else:
        b.f("fe80::" + ":".join((x.lstrip("0") or "0").lower() for x in g) + "%" + _pick(r, _MAC_IFACES[:5]))


def _mpath(r, b, c):
    u = _pick(r, _MAC_USERS)
    k = _rr(r, 6)
    if k == 0:
        p = f"/Users/{u}/Library/Preferences/{_pick(r, _BUNDLES)}.plist"
    elif k == 1:
        p = f"/Users/{u}/Library/Containers/{_pick(r, _BUNDLES)}/Data/Library/Caches/{V.ident(r, 4, 10)}"
    elif k == 2:
        p = "/private/var/folders/" + _hx(r, 2) + "/" + V.ident(r, 20, 28) + "/T/" + V.ident(r, 4, 9)
    elif k == 3:
        p = _pick(r, ["/System/Library/CoreServices/", "/System/Library/PrivateFrameworks/",
                      "/Library/Frameworks/", "/usr/libexec/"]) + V.camel(r, (1, 3))
    elif k == 4:
        p = _pick(r, ["/var/vm/sleepimage", "/private/var/db/mds/system", "/var/db/diagnostics",
                      "/private/var/db/uuidtext", "/Library/Keychains/System.keychain"])
    else:
        p = f"/Users/{u}/Library/Application_Support/{V.camel(r, (1, 2))}/{V.ident(r, 3, 8)}.db"
    b.f(p)


def _channels(r, b, c):
    """``Supported channels 1 2 3 ... 165``: a variable number of fields."""
    chans = [str(x) for x in range(1, 14)] + ["36", "40", "44", "48", "52", "56", "60", "64",
                                               "100", "104", "108", "112", "116", "120", "124",
                                               "128", "132", "136", "140", "144", "149", "153",
                                               "157", "161", "165"]
    n = _ri(r, 3, len(chans))
    b.fields(chans[:n])


def _blockn(r, b, c):
    b.f("__" + str(_ri(r, 20, 99)))


def _rtcdate(r, b, c):
    t = c.get("t") or _moment(r)
    b.f(f"{t.year}/{t.month}/{t.day} " + t.strftime("%H:%M:%S"))


def _macproc(r, b, c):
    b.f(_pick(r, _PROC1))


M = dict(
    SLOTS,
    t3=_t3, ip6u=_ip6u, mpath=_mpath, chans=_channels, blockn=_blockn, rtc=_rtcdate,
    hexv=_hexv, proc=_macproc,
    ptr=lambda r, b, c: b.f("0x7f" + _hx(r, 10)),
    kptr=lambda r, b, c: b.f("0xffffff80" + _hx(r, 8)),
    hexu=lambda r, b, c: b.f("0x" + format(int(r.random() * (1 << 32)), "08X")),
    smckey=one_of("TC0D", "TB0T", "F0Ac", "TCXC", "PC0C"),
    msgtype=one_of("0xE0000340", "0xE0000280", "0xE0000320", "0xE0000300", "0xE0000270"),
    arpt=lambda r, b, c: b.f(f"{_ri(r, 1, 999999)}.{_ri(r, 0, 999999):06d}"),
    iface=lambda r, b, c: b.f(_pick(r, _MAC_IFACES)),
    bundle=lambda r, b, c: b.f(_pick(r, _BUNDLES)),
    UUID=lambda r, b, c: b.f(_uuid_upper(r)),
    n01=one_of("0", "1"), n4=lambda r, b, c: b.f(str(_ri(r, 1000, 9999))),
    big10=lambda r, b, c: b.f(str(_ri(r, 1000000000, 4294967295))),
    wwen=one_of("enabled", "disabled"), onoff=one_of("On", "Off"), updown=one_of("Up", "Down"),
    wake=one_of("Wake", "Sleep"), ssid=lambda r, b, c: b.f(_pick(r, _MAC_SSIDS)),
    wakereason=lambda r, b, c: emit(r, b, _WAKE_OPS[int(r.random() * len(_WAKE_OPS))]),
    state=lambda r, b, c: b.f(_pick(r, _STATES)), sbop=lambda r, b, c: b.f(_pick(r, _SBOPS)),
    awdl=one_of("AUTO", "SUSPENDED", "ACTIVE", "INACTIVE"), cc=one_of("US", "CN", "X0", "HK", "GB"),
    chan=one_of("1", "6", "11", "36", "44", "149", "157", "165"),
    mode=lambda r, b, c: b.fields(_pick(r, ["Contacts Only", "Everyone", "Off"]).split(" ")),
    lstate=one_of("Active", "Inactive"),
    muser=lambda r, b, c: b.f(_pick(r, _MAC_USERS)),
    signed_=lambda r, b, c: b.f(_pick(r, ["-1001", "-1009", "-1005", "-9802", "-999", "-1200", "-1"])),
    clock=lambda r, b, c: b.f(f"{_ri(r, 0, 2):02d}:{_ri(r, 0, 59):02d}:{_ri(r, 0, 59):02d}"),
    tsfrac=lambda r, b, c: b.f((c.get("t") or _moment(r)).strftime("%Y-%m-%d %H:%M:%S.")
                               + f"{_ri(r, 0, 999):03d}"),
    errno=one_of("1", "2", "22", "35", "49", "50", "51", "57", "60", "61", "65"),
    # QQ's `FA||Url||taskID`: `||` between two values keeps an empty item's place (rule 8,
    # `x||y` gives `x`, ``, `y`), so each `||` holds one empty field
    faurl=lambda r, b, c: b.f("FA").d("|").empty().d("|").f("Url").d("|").empty().d("|")
    .f("taskID"),
)
_WAKE_OPS = tpls(M, *_WAKE_REASONS)

# the most frequent kernel lines of a MacBook's system.log, drawn three times as often
_KERNEL_COMMON = (
    "IOThunderboltSwitch<{n}>({hexv})::listenerCallback - Thunderbolt HPD packet for route = {hexv} port = {n2} unplug = {n01}",
    "«AppleThunderboltNHIType2::prePCIWake» - power up complete - took {n} us",
    "ARPT: {arpt}: «AirPort_Brcm43xx::syncPowerState»: WWEN[{wwen}]",
    "«AppleCamIn::systemWakeCall» - messageType = {msgtype}",
)
_KERNEL = tpls(
    M, *_KERNEL_COMMON, *_KERNEL_COMMON,
    "IOThunderboltSwitch<{n}>({hexv})::listenerCallback - Thunderbolt HPD packet for route = {hexv} port = {n2} unplug = {n01}",
    "«AppleThunderboltNHIType2::prePCIWake» - power up complete - took {n} us",
    "«AppleThunderboltNHIType2::waitForOk2Go2Sx» - retries = {n}",
    "«AppleThunderboltGenericHAL::earlyWake» - complete - took {n2} milliseconds",
    "«AppleThunderboltGenericHAL::earlyWake» - complete - took {dec} milliseconds",
    "Thunderbolt Self-Reset Count = {hexu}",
    "ARPT: {arpt}: «AirPort_Brcm43xx::syncPowerState»: WWEN[{wwen}]",
    "ARPT: {arpt}: «AirPort_Brcm43xx::powerChange»: System {wake}",
    "ARPT: {arpt}: wl0: MDNS: IPV6 Addr: {ip6u}",
    "ARPT: {arpt}: wl0: MDNS: IPV4 Addr: {ip}",
    "ARPT: {arpt}: wl0: setup_keepalive: Remote IP: {ip}",
    "ARPT: {arpt}: wl0: setup_keepalive: interval {n2}, retry_interval {n2}, retry_count {n2}",
    "ARPT: {arpt}: wl0: wl_update_tcpkeep_seq: Original Seq: {big10}, Ack: {big10}, Win size: {num}",
    "ARPT: {arpt}: wl0: Roamed or switched channel, reason #{n}, bssid {mac}",
    "ARPT: {arpt}: ARPT: Wake Reason: Wake on Scan offload",
    "«AppleCamIn::systemWakeCall» - messageType = {msgtype}",
    "«AppleCamIn::wakeEventHandlerThread»", "«AppleCamIn::handleWakeEvent_gated»",
    "Wake reason: {wakereason}", "Previous sleep cause: {n}",
    "AirPort: Link {updown} on {iface}. Reason {n} (Unspecified).",
    "AirPort: Link Up on en0", "en0: channel changed to {chan}", "en0: BSSID changed to {mac}",
    "{iface}: 802.11d country code set to '{cc}'.", "en0: Supported channels {chans}",
    "«IO80211AWDLPeerManager::setAwdlSuspendedMode»() Suspending AWDL, enterQuietMode(true)",
    "«IO80211AWDLPeerManager::setAwdlOperatingMode» Setting the AWDL operation mode from {awdl} to {awdl}",
    "«en0::IO80211Interface::postMessage» bssid changed",
    "PM response took {n4} ms ({n2}, {proc})", "PM notification timeout (pid {pid}, {proc})",
    "hibernate_page_list_setall(preflight {n01}) start", "hibernate_setup({n}) took {n4} ms",
    "PMStats: Hibernate read took {n3} ms", "PMStats: Hibernate write took {n4} ms",
    "Sandbox: {proc}({pid}) deny({n}) {sbop} {mpath}",
    "Sandbox: {proc}({pid}) System Policy: deny({n}) {sbop} {mpath}",
    "process {proc}[{pid}] caught causing excessive wakeups. Observed wakeups rate (per sec): {n3}; Maximum permitted wakeups rate (per sec): 150; Observation period: 300 seconds; Task lifetime number of wakeups: {num}",
    "RTC: Maintenance {rtc}, sleep {rtc}", "RTC: PowerByCalendarDate setting ignored",
    "Sleep failure code {hexu} {hexu}", "full wake promotion (reason {n}) {n3} ms",
    "vm_compressor_fastwake_warmup completed - took {num} msecs",
    "«AppleActuatorDeviceUserClient::stop» Entered", "[HID] [MT] «AppleMultitouchDevice::willTerminate» entered",
    "Bluetooth -- LE is supported - Disable LE meta event",
    "Setting BTCoex Config: enable_2G:{n01}, profile_2g:0, enable_5G:{n01}, profile_5G:0",
    "USB (XHCI): Port {n2} on bus {hexv} connected or disconnected: portSC({hexv})",
    "did discard act {num} inact {num} purgeable {num} spec {num} cleaned {n3}",
    "Google Chrome He[{pid}] triggered unnest of range {ptr}‹->›{ptr} of DYLD shared region in VM map {kptr}. While not abnormal for debuggers, this increases system memory footprint until the target exits.",
    "«IOPMrootDomain::tellChangeDown2» timeout waiting for {proc} ({pid}), {n3} ms",
    "AppleKeyStore: operation failed (pid: {pid} sel: {n} ret: {hexu} '{n2}')",
    "«SMC::smcReadKeyAction» ERROR TC0D kSMCBadArgumentError({n2}) fKeyHashTable=0x0",
    "«SMC::smcReadKeyAction» ERROR {smckey} kSMCBadArgumentError({n2}) fKeyHashTable=0x0",
)
_MDNS = tpls(
    M,
    "mDNS_DeregisterInterface: Frequent transitions for interface {iface} ({ip6u})",
    "mDNS_DeregisterInterface: Frequent transitions for interface {iface} ({ip6u})",
    "mDNS_DeregisterInterface: Frequent transitions for interface {iface} ({ip})",
    "mDNS_RegisterInterface: Frequent transitions for interface {iface} ({ip6u})",
    "mDNSPlatformSendUDP sendto({n2}) failed errno {errno} (No route to host)",
    "ERROR: handle_resolve_request bad interface index {n}", "D2D_IPC: Loaded",
    "SetAllowSleep: Client {n} ({proc}) allowing sleep",
    "uDNS_CheckCurrentQuestion: host unreachable error for DNS server {ip}:53 for question {fqdn}. (Addr)",
)
_SYMPTOMS = tpls(
    M,
    "{blockn}‹-[›NetworkAnalyticsEngine observeValueForKeyPath:ofObject:change:context:‹]›«_block_invoke» unexpected switch value {n}",
    "{blockn}‹-[›NetworkAnalyticsEngine _writeJournalRecord:fromCellFingerprint:key:atLOI:ofKind:lqm:isFaulty:‹]›«_block_invoke» Hit the server for a network_journal_record, dropped",
    "-[NetworkAnalyticsEngine _trimJournal] trimmed {n3} records, {num} remain",
    "nw_interface_cache_update: interface {iface} changed, state [{state}] -> [{state}]",
    "Couldn't update connectivity status, err {signed_}",
)
_WINDOWSERVER = tpls(
    M,
    "CGXDisplayDidWakeNotification [{big}]: posting kCGSDisplayDidWake",
    "handle_will_sleep_auth_and_shield_windows: Deferring.",
    "device_generate_desktop_screenshot: authw {ptr}({num}), shield {ptr}({num})",
    "WSGetSurfaceInWindow : Invalid surface {num} for window {num}",
    "CGXSetWindowBackgroundBlurRadius: Invalid window {hexv}",
    "_CGXRemoveWindowFromWindowMovementGroup: window {hexv} is not attached to window {hexv}",
    "CoreAnimation: timed out fence {hexv}",
    "_CGXSetWindowFrame: state change [{state}] -> [{state}]",
    "Display {hexu}: Unit {n}; Vendor {hex4}, Model {hex4}; Serial {num}",
    "send_datagram_available_ping: pid {pid} failed to act on a ping it dequeued before timing out.",
)
_LOCATIOND = tpls(
    M,
    "Location icon should now be in state '{lstate}'",
    "NETWORK: requery, {num}, {num}, {num}, {n01}, {n01}, items, fQueryRetries, {n}, fLastRetryTimestamp, {dec}",
    "NETWORK: no response from server, reachability, {n}, queryRetries, {n}",
    "LocationManager: client {bundle} authorization changed [{state}] -> [{state}]",
)
_CFPREFSD = tpls(
    M,
    "rejecting read of { {bundle}, {muser}, kCFPreferencesAnyHost, {mpath}, managed: 0 } from process {pid} ({proc}) because accessing preferences outside an application's container requires user-preference-read or file-read-data sandbox access",
    "Couldn't open parent path due to [{n}: No such file or directory]",
    "[{bundle}] Couldn't write preferences, error {n}",
)
_NSURL = tpls(
    M,
    "Task <{UUID}>.<{n}> finished with error - code: {signed_}",
    "Task <{UUID}>.<{n}> load failed with error Error Domain=NSURLErrorDomain Code={signed_} \"The request timed out.\" UserInfo={NSErrorFailingURLStringKey={url}, NSLocalizedDescription=The request timed out.}",
    "NSURLSession/NSURLConnection HTTP load failed (kCFStreamErrorDomainSSL, {signed_})",
    "Background session {bundle}: Task {n3} resumed",
    "Invalidating session with identifier {UUID}",
)
_WEBKIT = tpls(
    M,
    "[{t3}] <<<< CRABS >>>> crabsFlumeHostAvailable: [{ptr}] Byte flume reports host available again.",
    "[{t3}] <<<< CRABS >>>> crabsFlumeHostUnavailable: [{ptr}] Byte flume reports host unavailable.",
    "[{t3}] <<<< CRABS >>>> crabsWaitForLoad: [{ptr}] Wait time out - {signed_} (msRequestTimeout = {num})",
    "[{t3}] <<<< FigStreamPlayer >>>> fpfs_ReportMetrics: [{ptr}] bitrate {num}, stalls {n}",
    "[{t3}] <<<< IQ-CA >>>> piqca_setUsePreciseTiming: ({ptr}) state [{state}] -> [{state}]",
    "Unable to create a new mark: {n}",
    "NSURLSession/NSURLConnection HTTP load failed (kCFStreamErrorDomainSSL, {signed_})",
)
_SHARINGD = tpls(
    M,
    "{t3} : BTLE scanner Powered {onoff}", "{t3} : «SDStatusMonitor::kStatusWirelessPowerChanged»",
    "{t3} : Scanning mode {mode}", "{t3} : Discoverable mode changed to {mode}",
    "{t3} : Purged contact hashes", "{t3} : Starting AirDrop server for user {n3} on wake",
    "{t3} : BTLE advertiser Powered {onoff}", "{t3} : AirDrop state [{state}] -> [{state}]",
)
_QQ = tpls(
    M,
    "{faurl}[{big10}] dealloc", "{faurl}[{big10}] dealloc",
    "{faurl}[{big10}] start, url: {url}",
    "DB Path: {mpath}", "button report: {hexv}",
    "tcp_connection_destination_perform_socket_connect {n3} connectx failed: [{errno}] Network is unreachable",
)
_CHROME_HELPER = tpls(
    M,
    "Couldn't set selectedTextBackgroundColor from default ()",
    "CoreText CopyFontsForRequest received mig IPC error (FFFFFFFFFFFFFECC) from font server",
    "Couldn't set selectedTextBackgroundColor from default ()",
    "Cannot find executable for CFBundle {ptr} <{mpath}> (not loaded)",
)
_SAFARI = tpls(
    M,
    "KeychainGetICDPStatus: keychain: {signed_}",
    "tcp_connection_tls_session_error_callback_imp {n3} __tcp_connection_tls_session_callback_write_block_invoke.434 error {errno}",
    "SafariBrowsingWebClient: {ptr}: resuming session (PID {pid})",
    "[Warning] Unable to load favicon for {url}",
)
_CDSCHED = tpls(M, "Thermal pressure state: {n01} Memory pressure state: {n01}",
                "Thermal pressure state: {n01} Memory pressure state: {n01}",
                "Battery level {n2}%, thermal level {n}")
_LAUNCHD = tpls(
    M,
    "Service exited with abnormal code: {n}",
    "Service only ran for {n} seconds. Pushing respawn out by {n2} seconds.",
    "Endpoint has been activated through legacy launch(3) APIs. Please switch to XPC or bootstrap_check_in(): {bundle}",
    "Service exited due to signal: Terminated: 15 sent by {proc}[{pid}]",
    "Could not find and/or execute program specified by service: {n}: No such file or directory: {mpath}",
)
_CORECAPTURED = tpls(
    M,
    "«CCFile::captureLog» Received Capture notice id: {epoch}, reason = AuthFail:sts:{n}_rsn:{n}",
    "«CCFile::copyFile» fileName is {word}, source path:{mpath}, dest path:{mpath}",
    "«CCIOReporterFormatter::addRegistryChildToChannelDictionary» streams {n}",
    "«CCLogTap::profileRemoved», Owner: com.apple.iokit.IO80211Family, Name: IO80211AWDLPeerManager",
)
_MISC = {  # process: (unified-log senders, templates)
    "syslogd": (["syslogd"], tpls(
        M, "ASL Sender Statistics",
        "Configuration Notice: ASL Module \"com.apple.cdscheduler\" claims selected messages. Those messages may not appear in standard system log files or in the ASL database.")),
    "UserEventAgent": (["CaptiveNetworkSupport", "UserEventAgent"], tpls(
        M, "Captive: CNPluginHandler {iface}: {lstate}",
        "Captive: [CNInfoNetworkCache:{n4}] {iface}: SSID '{ssid}' making interface primary (protected network)",
        "assertion failed: 16F73: com.apple.telemetry + {num} [{UUID}]: {hexv}")),
    "configd": (["SystemConfiguration", "IPMonitor"], tpls(
        M, "network changed: v4({iface}:{ip}) DNS Proxy SMB", "setting hostname to \"{host}\"",
        "{iface} link {updown}", "network changed: v4({iface}:{ip}) DNS! Proxy! SMB")),
    "AddressBookSourceSync": (["AddressBookCore", "CardDAVPlugin"], tpls(
        M, "Unrecognized attribute value: t:AbchPersonItemType",
        "[CardDAVPlugin-ERROR] getPrincipalInfo:[_controller supportsRequestCompressionAtURL:{url}] Error Domain=NSURLErrorDomain Code={signed_} \"The Internet connection appears to be offline.\"")),
    "secd": (["Security"], tpls(
        M, " SOSAccountThisDeviceCanSyncWithCircle sync with device failure: Error Domain=com.apple.security.sos.error Code={n4} \"Account identity not set\" UserInfo={NSDescription=Account identity not set}",
        "securityd_xpc_dictionary_handler cloudd[{pid}] copy_matching Error Domain=NSOSStatusErrorDomain Code=-50 \"query missing class name\"")),
    "com.apple.geod": (["GeoServices"], tpls(
        M, "PBRequester failed with Error Error Domain=NSURLErrorDomain Code={signed_} \"The request timed out.\" UserInfo={NSUnderlyingError={ptr} {Error Domain=kCFErrorDomainCFNetwork Code={signed_} \"(null)\"}, NSErrorFailingURLStringKey={url}}")),
    "GoogleSoftwareUpdateAgent": (["KeystoneRegistration"], tpls(
        M, "{tsfrac} GoogleSoftwareUpdateAgent[{pid}/{ptr}] [lvl=2] -[KSAgentApp updateProductWithProductID:usingEngine:] Checking for updates for \"All Products\" using engine <KSUpdateEngine:{ptr}>",
        "{tsfrac} GoogleSoftwareUpdateAgent[{pid}/{ptr}] [lvl=2] -[KSUpdateEngine updateAllExceptProduct:] KSUpdateEngine updating all installed products, except:'com.google.Keystone'.")),
    "Microsoft Word": (["CoreText", "AppKit"], tpls(
        M, "WARNING: Type1 font data returned by copyFontData is not in the correct format required by the Adobe Type 1 Font Format specification.")),
    "bluetoothd": (["CoreBluetooth"], tpls(
        M, "Unexpected connection complete event - handle {hexv}", "Reading {n} bytes of data for {mac}")),
    "powerd": (["powerd", "IOKit"], tpls(
        M, "Process {proc}.{pid} TimedOut InternalPreventSleep \"{word}\" age:{clock} id:{big} [System: PrevIdle DeclUser kDisp]",
        "PMScheduleWakeEventChooseBest: {rtc} wake")),
}


# (process name, pid: int fixed or None random, templates, unified-log senders); the kernel
# writes about a third of a MacBook's system.log, so it has several entries
_MAC_PROCS = [
    ("kernel", 0, _KERNEL, ["IOThunderboltFamily", "AppleThunderboltNHI", "IO80211Family",
                             "AirPortBrcmNIC", "AppleCameraInterface", "AppleACPIPlatform", "Sandbox"]),
    ("kernel", 0, _KERNEL, ["IOThunderboltFamily", "IO80211Family", "AppleMultitouchDriver"]),
    ("kernel", 0, _KERNEL, ["IO80211Family"]),
    ("kernel", 0, _KERNEL, ["AppleThunderboltNHI", "IOThunderboltFamily"]),
    ("kernel", 0, _KERNEL, ["AirPortBrcmNIC", "IO80211Family"]),
    ("kernel", 0, _KERNEL, ["AppleCameraInterface", "IOPlatformPluginFamily", "AppleSMC"]),
    ("mDNSResponder", None, _MDNS, ["mDNSResponder"]),
    ("mDNSResponder", None, _MDNS, ["mDNSResponder", "libsystem_dnssd.dylib"]),
    ("symptomsd", None, _SYMPTOMS, ["SymptomEvaluator", "libnetwork.dylib"]),
    ("WindowServer", None, _WINDOWSERVER, ["SkyLight", "CoreDisplay"]),
    ("locationd", None, _LOCATIOND, ["CoreLocation"]),
    ("cfprefsd", None, _CFPREFSD, ["CoreFoundation"]),
    ("nsurlsessiond", None, _NSURL, ["CFNetwork", "libnetwork.dylib"]),
    ("com.apple.WebKit.WebContent", None, _WEBKIT, ["MediaToolbox", "WebKit", "CFNetwork"]),
    ("com.apple.WebKit.Networking", None, _NSURL, ["CFNetwork"]),
    ("sharingd", None, _SHARINGD, ["Sharing"]),
    ("QQ", None, _QQ, ["QQ", "libnetwork.dylib"]),
    ("Google Chrome Helper", None, _CHROME_HELPER, ["AppKit", "CoreText"]),
    ("Google Chrome", None, _CHROME_HELPER, ["AppKit"]),
    ("Safari", None, _SAFARI, ["Safari", "libnetwork.dylib", "Security"]),
    ("com.apple.CDScheduler", None, _CDSCHED, ["CoreDuet"]),
    ("com.apple.xpc.launchd", 1, _LAUNCHD, ["libxpc.dylib"]),
    ("corecaptured", None, _CORECAPTURED, ["CoreCapture"]),
] + [(name, None, ops, senders) for name, (senders, ops) in _MISC.items()]
_MAC_TYPES = ["Default", "Default", "Default", "Info", "Debug", "Error", "Fault"]
_COMPACT_TYPES = ["Df", "Df", "Df", "I ", "Db", "E ", "F "]
_ASL_LEVELS = ["Notice", "Notice", "Warning", "Error", "Info", "Debug", "Critical", "Alert"]
_SUBSYSTEMS = ["com.apple.xpc:connection", "com.apple.network:connection", "com.apple.locationd.Core:Client",
               "com.apple.symptomsd:flow", "com.apple.CFNetwork:Default", "com.apple.sharing:AirDrop",
               "com.apple.WindowServer:default", "com.apple.runningboard:process", "com.apple.bluetooth:Server"]
_FIRST = ["Johns", "Alices", "Bobs", "Marys", "Davids", "Kevins", "Lisas", "Toms"]


def _mac_host(r) -> str:
    k = _rr(r, 12)
    if k < 6:                                       # DHCP-named guest machines
        return (_pick(r, ["calvisitor", "guest", "visitor", "wlan", "dyn", "eduroam", "host"])
                + f"-{_ri(r, 10, 192)}-{_ri(r, 0, 255)}-{_ri(r, 0, 255)}-{_ri(r, 1, 254)}")
    if k < 8:
        return _pick(r, ["author", "dev", "admin", "user", "build", "qa"]) + _pick(
            r, ["MacBook-Pro", "MacBook-Air", "s-MacBook-Pro", "-iMac"])
    if k == 8:
        return _pick(r, _FIRST) + _pick(r, ["-MacBook-Pro", "-MacBook-Air", "-iMac", "-MBP", "-Mac-mini"]) \
            + _pick(r, ["", "", "-2", ".local"])
    if k == 9:
        return _pick(r, ["localhost", "Mac-mini", "iMac", "MacBook-Pro", "mbp"])
    if k == 10:
        return f"dhcp-{_ri(r, 10, 192)}-{_ri(r, 0, 255)}-{_ri(r, 0, 255)}-{_ri(r, 1, 254)}.campus.edu"
    return V.hostname(r)


def _proc_name(b: Line, name: str):
    """A process name; one with blanks (``Google Chrome Helper``) gives one field per word."""
    if " " in name:
        b.fields(name.split(" "))
    else:
        b.f(name)


def _mac_body(r, b: Line, ops, ctx):
    if _chance(r, 0.08):
        message(r, b, end=True)
    else:
        emit(r, b, _pick(r, ops), ctx)


def _mac_syslog(r, b: Line, t, name, pid, ops, v):
    """``Jul  1 09:00:55 host prog[pid]: msg`` and its siblings (v 0..4)."""
    b.f(ts_bsd(r, t)).sp()
    if v != 1:                                      # v 1: no host
        b.f(_mac_host(r)).sp()
    if v == 4:                                      # --- last message repeated N time(s) ---
        n = _ri(r, 1, 9) if _chance(r, 0.8) else _ri(r, 10, 400)
        b.d("--- ").f("last").sp().f("message").sp().f("repeated").sp().f(n).sp()
        b.f("time" if n == 1 else "times").d(" ---")
        return
    _proc_name(b, name)
    b.d("[").f(pid).d("]")
    if name == "com.apple.xpc.launchd" and _chance(r, 0.85):
        b.d(" (").f(_pick(r, _LAUNCH_SVCS))
        if _chance(r, 0.5):
            b.d("[").f(_ri(r, 100, 99999)).d("]")
        b.d(")")
    if v == 3:                                      # ASL level: prog[pid] <Notice>: msg
        b.d(" <").f(_pick(r, _ASL_LEVELS)).d(">")
    b.d(": ")
    _mac_body(r, b, ops, {"t": t})


def _pad(b: Line, value: str, width: int, aligned: bool):
    b.f(value).d(" " * (max(1, width - len(value)) if aligned else 1))


def _mac_unified(r, b: Line, t, name, pid, ops, senders, v):
    """``log show`` output: default (v 0, 1 aligned), compact (v 2) and syslog style (v 3)."""
    zone = _pick(r, ["-0700", "-0700", "+0800", "+0000", "+0200", "-0400"])
    if v == 2:
        b.f(t.strftime("%Y-%m-%d %H:%M:%S.") + f"{t.microsecond // 1000:03d}").sp()
        ty = _pick(r, _COMPACT_TYPES)
        b.f(ty.strip()).d(" " * (3 - len(ty.strip())))
        _proc_name(b, name)
        b.d("[").f(pid).d(":").f(_hx(r, _ri(r, 3, 6)).lstrip("0") or "1").d("] ")
    else:
        b.f(t.strftime("%Y-%m-%d %H:%M:%S.") + f"{t.microsecond:06d}" + zone)
        if v == 3:
            b.sp(2).f(_pick(r, ["localhost", _mac_host(r)])).sp()
            _proc_name(b, name)
            b.d("[").f(pid).d("]: ")
        else:
            aligned = v == 1
            b.sp()
            _pad(b, "0x" + (_hx(r, _ri(r, 3, 6)).lstrip("0") or "1"), 11, aligned)
            _pad(b, _pick(r, _MAC_TYPES), 12, aligned)
            _pad(b, "0x" + (_hx(r, _ri(r, 1, 6)).lstrip("0") or "0") if _chance(r, 0.4) else "0x0", 21, aligned)
            _pad(b, str(pid), 7, aligned)
            if aligned or _chance(r, 0.3):
                _pad(b, _pick(r, ["0", "0", "0", "7", "14", "30"]), 5, aligned)
            _proc_name(b, name)
            b.d(": ")
    if _chance(r, 0.7):
        b.d("(").f(_pick(r, senders)).d(") ")
    if v != 2 and name != "kernel" and _chance(r, 0.3):
        sub, cat = _pick(r, _SUBSYSTEMS).split(":")
        b.d("[").f(sub).d(":").f(cat).d("] ")
    _mac_body(r, b, ops, {"t": t})


@family("macos")
def macos(r) -> Line:
    b = Line()
    name, pid, ops, senders = _pick(r, _MAC_PROCS)
    if pid is None:
        pid = _ri(r, 40, 99999) if _chance(r, 0.9) else _ri(r, 40, 999)
    t = _moment(r)
    v = _rr(r, 20)
    if v < 10:                                      # Loghub Mac: syslog with host
        _mac_syslog(r, b, t, name, pid, ops, 0)
    elif v < 12:
        _mac_syslog(r, b, t, name, pid, ops, 1)     # no host
    elif v < 14:
        _mac_syslog(r, b, t, name, pid, ops, 3)     # ASL level
    elif v == 14:
        _mac_syslog(r, b, t, name, pid, ops, 4)     # last message repeated
    else:
        _mac_unified(r, b, t, name, pid, ops, senders, v - 15 if v < 19 else _rr(r, 4))
    return b


# ============================================================================ proxifier
_PX_APPS = ["chrome.exe", "chrome.exe", "chrome.exe", "Dropbox.exe", "Dropbox.exe", "WeChat.exe",
            "QQ.exe", "putty.exe", "svchost.exe", "firefox.exe", "Skype.exe", "OUTLOOK.EXE",
            "thunderbird.exe", "git-remote-https.exe", "iexplore.exe", "YodaoDict.exe",
            "SogouCloud.exe", "TSVNCache.exe", "qqlive.exe", "GoogleUpdate.exe", "OneDrive.exe",
            "Teams.exe", "slack.exe", "Code.exe", "steam.exe", "python.exe", "java.exe",
            "curl.exe", "WINWORD.EXE", "msedge.exe", "Spotify.exe", "AcroRd32.exe", "ssh.exe",
            "pycharm64.exe", "idea64.exe", "node.exe", "git.exe", "Telegram.exe", "QQProtect.exe",
            "TIM.exe", "WeChatWeb.exe", "BaiduNetdisk.exe", "360se.exe", "notepad++.exe"]
_PX_HOSTS = ["proxy.cse.cuhk.edu.hk", "www.google.com", "clients1.google.com", "mtalk.google.com",
             "block.dropbox.com", "d.dropbox.com", "client-lb.dropbox.com", "bolt.dropbox.com",
             "www.facebook.com", "short.weixin.qq.com", "szextshort.weixin.qq.com", "qq.com",
             "outlook.office365.com", "login.live.com", "github.com", "api.github.com",
             "www.youtube.com", "safebrowsing.googleapis.com", "update.googleapis.com",
             "s.youtube.com", "www.baidu.com", "dict.youdao.com", "mail.cse.cuhk.edu.hk",
             "imap.gmail.com", "smtp.office365.com", "config.edge.skype.com", "telemetry.dropbox.com"]
_PX_PROXIES = ["proxy.cse.cuhk.edu.hk:5070", "proxy.corp.example.net:3128", "gw.uni-x.edu:5070",
               "proxy1.internal:8080", "squid.lan:3128", "px.campus.edu.hk:5070"] + ["127.0.0.1:1080", "127.0.0.1:8888",
                                                      "10.0.0.1:3128", "proxy.example.com:8080",
                                                      "socks.corp.local:1080", "192.168.1.10:8118"]
_PX_TYPES = ["HTTPS"] * 5 + ["SOCKS5", "SOCKS5", "SOCKS4", "HTTP"]
_PX_PORTS = ["443"] * 6 + ["80", "80", "5070", "8080", "22", "993", "5222", "1080", "8443", "587"]
_PX_RULES = ["Default", "Default", "Default", "Default", "Localhost", "Local Network", "Intranet", "Block Ads", "CUHK",
             "Dropbox", "Direct", "SSH"]
_PX_WSA = ["10061", "10060", "10065", "10051", "10054", "10053"]


_PX_SSH = frozenset({"putty.exe", "ssh.exe", "git.exe", "pycharm64.exe", "Code.exe"})


def _px_proxy(r, b, c):
    p = c.get("proxy")
    if p is None:
        p = c["proxy"] = _pick(r, _PX_PROXIES)
    h, port = p.rsplit(":", 1)
    b.f(h).d(":").f(port)


def _px_host(r) -> str:
    k = _rr(r, 10)
    if k < 7:
        return _pick(r, _PX_HOSTS)
    if k < 9:
        return V.hostname(r, fqdn=True)
    return V.ip4(r)


def _px_target(r, b: Line, c):
    """``host:port`` (host and port two fields), an IPv6 target in brackets (decision 12)."""
    if c.get("app") in _PX_SSH and _chance(r, 0.6):
        b.f(_pick(r, ["10.0.0.5", "10.0.0.12", "192.168.1.20", V.ip4(r), V.hostname(r, fqdn=True)]))
        b.d(":").f(_pick(r, ["22", "22", "22", "2222", "3389"]))
    elif _chance(r, 0.2):
        _px_proxy(r, b, c)                          # connections to the proxy itself
    elif _chance(r, 0.04):
        b.d("[").f(V.ip6(r)).d("]:").f(_pick(r, _PX_PORTS))
    else:
        b.f(_px_host(r)).d(":").f(_pick(r, _PX_PORTS))


def _px_bytes(r, b, c):
    """``0 bytes`` or ``1190 bytes (1.16 KB)``: number and unit are separate fields."""
    n = 0 if _chance(r, 0.25) else int(10 ** (r.random() * 8.5))     # log-uniform, 1 .. 3e8
    b.f(n).sp().f("bytes")
    if n >= 1048576:
        b.d(" (").f(f"{n / 1048576:.2f}" if n < 104857600 else f"{n / 1048576:.1f}").sp().f("MB").d(")")
    elif n >= 1024:
        b.d(" (").f(f"{n / 1024:.2f}" if n < 102400 else f"{n / 1024:.1f}").sp().f("KB").d(")")


def _px_lifetime(r, b, c):
    """``<1 sec`` (``<`` a delimiter), or a clock duration ``00:01``/``1:02:13`` (one field)."""
    k = _rr(r, 10)
    if k < 3:
        b.d("<").f("1").sp().f("sec")
    elif k < 7:
        b.f(f"00:{_ri(r, 1, 59):02d}")
    elif k < 9:
        b.f(f"{_ri(r, 1, 59):02d}:{_ri(r, 0, 59):02d}")
    else:
        b.f(f"{_ri(r, 1, 23)}:{_ri(r, 0, 59):02d}:{_ri(r, 0, 59):02d}")


P = dict(
    SLOTS, proxy=_px_proxy, bytes=_px_bytes, lifetime=_px_lifetime,
    ptype=lambda r, b, c: b.f(_pick(r, _PX_TYPES)),
    rule=lambda r, b, c: b.fields(_pick(r, _PX_RULES).split(" ")),
    wsa=lambda r, b, c: b.f(_pick(r, _PX_WSA)),
    code=one_of("403", "502", "503", "504", "400", "404"),
    dnserr=one_of("11001", "11004", "11002"),
    phost=lambda r, b, c: b.f(_px_host(r)),
    ms=ints(1, 3000),
    chain=one_of("Chain1", "Chain2", "TorChain", "Corp-Chain", "chain_hk"),
    profile=one_of("Default", "CUHK", "Home", "Work", "proxifier-profile", "Tor"),
)
_PX_OPEN = tpls(P, "open through proxy {proxy} {ptype}", "open through proxy {proxy} {ptype}",
                "open through proxy chain {chain}", "open directly")
_PX_CLOSE = tpls(P, "close, {bytes} sent, {bytes} received, lifetime {lifetime}")
_PX_RULE = tpls(P, "matching rule {rule} : direct connection", "matching rule {rule} : direct connection",
                "matching rule {rule} : proxy {proxy} {ptype}", "matching rule {rule} : block",
                "matching rule {rule} : proxy chain {chain}")
_PX_ERROR = tpls(
    P,
    "error : Could not connect to proxy {proxy} - connection attempt failed with error {wsa}",
    "error : Could not connect to proxy {proxy} - connection attempt failed with error {wsa}",
    "error : Could not connect through proxy {proxy} - Proxy server cannot establish a connection with the target, status code {code}",
    "error : A connection request was canceled before the completion.",
    "error : Could not connect through proxy {proxy} - Proxy closed the connection unexpectedly.",
    "error : Could not connect through proxy {proxy} - Proxy server requires authentication (HTTP status 407).",
    "error : Connection closed unexpectedly (error {wsa}).",
    "error : Could not resolve host name (error {dnserr})",
    "error : Connection blocked by rule {rule}",
)
# lines without a target: resolve / DNS
_PX_DNS = tpls(
    P,
    "Resolving {phost} through proxy {proxy}", "{phost} resolved to {ip} ({ms} ms)",
    "{phost} resolved to {ip}, {ip}", "Could not resolve {phost} ; error {dnserr}",
    "DNS request for {phost} (IPv6) through proxy {proxy} - host not found",
)
_PX_SERVICE = tpls(
    P,
    "Welcome to Proxifier v{ver}", "Proxifier Standard Edition v3.42 (x64) started",
    "Profile {profile}.ppx loaded", "Proxifier service started",
    "Traffic statistics: {num} connections, {bytes} sent, {bytes} received",
    "Proxy {proxy} {ptype} : test passed, {ms} ms", "Proxy {proxy} {ptype} : test failed - error {wsa}",
    "Name Resolution through proxy is enabled", "Log file rotated, {num} entries",
)


def _px_ts(r) -> str:
    t = _moment(r)
    k = _rr(r, 10)
    if k < 7:
        return t.strftime("%m.%d %H:%M:%S")
    if k < 9:
        return t.strftime("%Y-%m-%d %H:%M:%S")
    return t.strftime("%d.%m.%Y %H:%M:%S")


@family("proxifier")
def proxifier(r) -> Line:
    b = Line()
    b.d("[").f(_px_ts(r)).d("] ")
    ctx = {}
    k = _rr(r, 40)
    if k < 2:                                       # service line, no application
        emit(r, b, _pick(r, _PX_SERVICE), ctx)
        return b
    app = ctx["app"] = _pick(r, _PX_APPS)
    b.f(app)
    if _chance(r, 0.1):                             # v4 shows the pid
        b.d(" (").f(_ri(r, 4, 65535)).d(")")
    if _chance(r, 0.35):
        b.sp().f("*64")                             # 64-bit process marker: one field
    b.d(" - ")
    if k < 5:
        emit(r, b, _pick(r, _PX_DNS), ctx)
        return b
    _px_target(r, b, ctx)
    b.sp()
    if k < 15:
        ops = _pick(r, _PX_OPEN)
    elif k < 29:
        ops = _PX_CLOSE[0]
    elif k < 35:
        ops = _pick(r, _PX_ERROR)
    else:
        ops = _pick(r, _PX_RULE)
    emit(r, b, ops, ctx)
    return b
