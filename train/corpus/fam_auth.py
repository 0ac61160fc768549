"""Authentication logs (``/var/log/auth.log``, ``secure``): sshd; sudo, cron, PAM, su, logind.

Every line carries a syslog prefix in one of several styles (BSD, ISO high-precision, RFC 5424,
journald, bare ``prog[pid]:``) from :func:`fam_syslog.header`; the messages are templates
compiled once (see :func:`fam_syslog.tpl`) whose values are fields by construction.
"""
from __future__ import annotations

from . import family
from . import values as V
from .builder import Line
from .fam_syslog import (_B64, SLOTS, SYSTEMD_MSGS, _chance, _pick, _ri, _rr, emit, header,
                         one_of, tpls)
from .messages import message

_HOST_STYLES = ("bsd", "bsd", "bsd", "bsd", "iso", "iso", "bsd_pri", "precise", "rfc5424",
                "journal_iso", "bare")


def _rdns(r, b, c):
    """A reverse-DNS name, often derived from an address (``1-2-3-4.static.isp.net``)."""
    ip = V.ip4(r).split(".")
    k = _rr(r, 4)
    if k == 0:
        b.f("-".join(ip) + ".static." + V.ident(r, 3, 8) + ".net")
    elif k == 1:
        b.f("ip-" + "-".join(ip) + "." + _pick(r, ["ec2.internal", "compute.amazonaws.com",
                                                    "eu-west-1.compute.internal"]))
    elif k == 2:
        b.f(_pick(r, ["host", "mail", "vps", "server", "ns"]) + str(_ri(r, 1, 999)) + "."
            + V.ident(r, 3, 9) + "." + _pick(r, ["com", "net", "ru", "cn", "com.br", "vn"]))
    else:
        b.f(V.hostname(r, fqdn=True))


def _cport(r, b, c):
    b.f(_ri(r, 1024, 65535))


def _badu(r, b, c):
    """User names that scanners try."""
    b.f(_pick(r, ["admin", "test", "oracle", "ubuntu", "user", "guest", "postgres", "git",
                   "support", "pi", "ftpuser", "webmaster", "test9", "hadoop", "nagios", "jenkins",
                   "deploy", "www", "administrator", "ansible", V.ident(r, 3, 9)]))




def _fingerprint(r, b, c):
    """``ED25519 SHA256:base64``: the colon after the hash name is a delimiter."""
    b.words(_pick(r, ["RSA", "ED25519", "ECDSA", "RSA-CERT ID"])).sp().f("SHA256").d(":")
    b.f("".join(r.choice(_B64) for _ in range(43)))


def _rhost(r, b, c):
    if _chance(r, 0.8):
        b.f(V.ip4(r))
    else:
        _rdns(r, b, c)


A = dict(SLOTS, rdns=_rdns, cport=_cport, badu=_badu, fp=_fingerprint, rhost=_rhost,
         method=one_of("password", "password", "publickey", "keyboard-interactive/pam", "none"),
         n311=one_of("11", "11", "11", "3", "14", "2"),
         bye=lambda r, b, c: b.words(_pick(r, ["Bye Bye", "disconnected by user",
                                                "Normal Shutdown, Thank you for playing",
                                                "Client disconnecting normally",
                                                "No more user authentication methods available.",
                                                "Closed due to user request."])),
         offer=lambda r, b, c: b.fields(_pick(r, [["ssh-rsa", "ssh-dss"],
                                                   ["diffie-hellman-group1-sha1",
                                                    "diffie-hellman-group14-sha1"],
                                                   ["aes128-cbc", "3des-cbc", "aes256-cbc"],
                                                   ["ssh-rsa"]]), ","))

SSHD_MSGS = tpls(
    A,
    "Accepted {method} for {user} from {ip} port {cport} ssh2",
    "Accepted publickey for {user} from {ip} port {cport} ssh2: {fp}",
    "Failed password for {user} from {ip} port {cport} ssh2",
    "Failed password for invalid user {badu} from {ip} port {cport} ssh2",
    "Failed none for invalid user {badu} from {ip} port {cport} ssh2",
    "Failed publickey for {user} from {ip} port {cport} ssh2: {fp}",
    "Invalid user {badu} from {ip}", "Invalid user {badu} from {ip} port {cport}",
    "input_userauth_request: invalid user {badu} [preauth]",
    "reverse mapping checking getaddrinfo for {rdns} [{ip}] failed - POSSIBLE BREAK-IN ATTEMPT!",
    "Address {ip} maps to {rdns}, but this does not map back to the address - POSSIBLE BREAK-IN ATTEMPT!",
    "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost={rhost}  user={user}",
    "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost={rhost}",
    "pam_unix(sshd:auth): check pass; user unknown",
    "pam_unix(sshd:session): session opened for user {user} by (uid=0)",
    "pam_unix(sshd:session): session opened for user {user}(uid={num}) by (uid=0)",
    "pam_unix(sshd:session): session closed for user {user}",
    "PAM {n} more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost={rhost}  user=root",
    "PAM service(sshd) ignoring max retries; {n} > 3",
    "Disconnected from {ip} port {cport} [preauth]", "Disconnected from user {user} {ip} port {cport}",
    "Disconnected from invalid user {badu} {ip} port {cport} [preauth]",
    "Disconnected from authenticating user root {ip} port {cport} [preauth]",
    "Received disconnect from {ip} port {cport}:{n311}: {bye} [preauth]",
    "Received disconnect from {ip} port {cport}:{n311}: {bye}",
    "Received disconnect from {ip}: {n311}: {bye} [preauth]",
    "Connection closed by {ip} [preauth]", "Connection closed by {ip} port {cport} [preauth]",
    "Connection closed by invalid user {badu} {ip} port {cport} [preauth]",
    "Connection closed by authenticating user root {ip} port {cport} [preauth]",
    "Connection reset by {ip} port {cport} [preauth]",
    "Connection from {ip} port {cport} on {ip} port 22 rdomain \"\"",
    "Did not receive identification string from {ip}",
    "Did not receive identification string from {ip} port {cport}",
    "error: maximum authentication attempts exceeded for root from {ip} port {cport} ssh2 [preauth]",
    "error: Received disconnect from {ip}: 14: No more user authentication methods available. [preauth]",
    "error: kex_exchange_identification: Connection closed by remote host",
    "error: kex_exchange_identification: read: Connection reset by peer",
    "error: Could not load host key: /etc/ssh/ssh_host_ed25519_key",
    "Disconnecting: Too many authentication failures [preauth]",
    "Disconnecting: Too many authentication failures for root [preauth]",
    "Disconnecting invalid user {badu} {ip} port {cport}: Too many authentication failures [preauth]",
    "message repeated {n} times: [ Failed password for root from {ip} port {cport} ssh2]",
    "fatal: Read from socket failed: Connection reset by peer [preauth]",
    "fatal: Write failed: Connection reset by peer [preauth]",
    "Server listening on 0.0.0.0 port {port}.", "Server listening on {ip6} port {port}.",
    "Received signal 15; terminating.",
    "Unable to negotiate with {ip} port {cport}: no matching host key type found. Their offer: {offer} [preauth]",
    "Unable to negotiate with {ip} port {cport}: no matching key exchange method found. Their offer: {offer} [preauth]",
    "Starting session: shell on pts/{n} for {user} from {ip} port {cport} id 0",
    "Starting session: command for {user} from {ip} port {cport} id {n}",
    "Close session: user {user} from {ip} port {cport} id {n}",
    "User child is on pid {pid}", "Transferred: sent {num}, received {num} bytes",
    "Read error from remote host {ip} port {cport}: Connection reset by peer",
    "subsystem request for sftp by user {user}", "Postponed publickey for {user} from {ip} port {cport} ssh2 [preauth]",
    "Bad protocol version identification ‹'›«GET / HTTP/1.1»‹'› from {ip} port {cport}",
    "banner exchange: Connection from {ip} port {cport}: invalid format",
    "User root from {ip} not allowed because not listed in AllowUsers",
    "userauth_pubkey: key type ssh-dss not in PubkeyAcceptedAlgorithms [preauth]",
    "drop connection #{n} from [{ip}]:{cport} on [{ip}]:22 past MaxStartups",
    "Timeout, client not responding from user {user} {ip} port {cport}",
)


@family("sshd")
def sshd(r) -> Line:
    b = Line()
    v = _rr(r, 5)
    if v == 0:                                      # Dec 10 06:55:46 LabSZ sshd[24200]: msg
        header(r, b, "sshd", True, "bsd", host=_pick(r, ["LabSZ", V.hostname(r)]))
    elif v == 1:                                    # other prefix styles
        header(r, b, "sshd", True, _pick(r, _HOST_STYLES))
    elif v == 2:                                    # systemd 255+ names sshd per session
        header(r, b, _pick(r, ["sshd", "sshd-session", "sshd-auth"]), True,
               _pick(r, ["iso", "precise", "journal_iso"]))
    elif v == 3:                                    # the message alone (auditd/agent export)
        pass
    else:
        header(r, b, "sshd", True, _pick(r, _HOST_STYLES))
        if _chance(r, 0.25):
            k = _rr(r, 4)
            if k == 3:
                b.f("Connection").sp().f("closed").sp().f("by").sp().f(V.ip4(r))
            else:
                b.f(("error", "debug1", "fatal")[k])
            b.d(": ")
            message(r, b)
            return b
    emit(r, b, _pick(r, SSHD_MSGS))
    return b


# ============================================================================ sudo cron pam
def _dir(r, b, c):
    b.f(_pick(r, ["/home/" + _pick(r, V.NAMES[:12]), "/root", "/", "/var/www/html", "/tmp",
                   "/etc/nginx", "/opt/app", "/srv/deploy/current"]) if _chance(r, 0.85)
        else V.unix_path(r))


C = dict(A, dir=_dir, tty=one_of("pts/0", "pts/1", "pts/2", "pts/3", "pts/12", "tty1", "unknown",
                                 "console"),
         pkg=one_of("nginx", "htop", "docker.io", "python3-pip", "postgresql-15", "curl", "git",
                    "linux-image-generic", "openssh-server", "vim"),
         runas=one_of("root", "root", "root", "postgres", "www-data", "deploy"))


def _cmd(r, b, c):
    emit(r, b, _pick(r, COMMANDS), c)


def _cron_cmd(r, b, c):
    emit(r, b, _pick(r, CRON_CMDS), c)


C["cmd"] = _cmd
C["croncmd"] = _cron_cmd
C["uname"] = lambda r, b, c: b.f(c.setdefault("user", V.user(r)))

# commands: the constant argument words follow the convention (a `-` or `/` standing alone is
# a delimiter, `&&` `||` `;` `>` `|` are delimiters, flags `-y` `--quiet` are fields)
COMMANDS = tpls(
    C, "/usr/bin/apt-get install -y {pkg}", "/usr/bin/apt update", "/bin/systemctl restart {unit}",
    "/usr/bin/systemctl status {unit}", "/usr/bin/tail -f /var/log/syslog", "/bin/su - {runas}",
    "/usr/bin/vim /etc/nginx/nginx.conf", "/bin/bash", "/usr/bin/docker ps -a",
    "/usr/sbin/iptables -L -n", "/usr/bin/journalctl -u {unit} --since today",
    "/usr/bin/chown -R www-data:www-data /var/www/html", "/bin/ls -la {path}",
    "/usr/bin/cat {path}", "/usr/sbin/reboot", "/usr/bin/passwd {user}",
    "/usr/bin/find / -name *.log -mtime +7", "/usr/bin/kill -9 {pid}",
    "/usr/bin/docker logs --tail 100 {word}", "/usr/local/bin/deploy.sh --env production",
    "/usr/bin/rm -rf /tmp/{word}", "/usr/sbin/usermod -aG sudo {user}", "/usr/bin/python3 {path}")
CRON_CMDS = tpls(
    C, "cd / && run-parts --report /etc/cron.hourly",
    "   cd / && run-parts --report /etc/cron.hourly",
    "test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.daily )",
    "[ -x /usr/lib/php/sessionclean ] && if [ ! -d /run/systemd/system ]; then /usr/lib/php/sessionclean; fi",
    "[ -x /etc/init.d/anacron ] && if [ ! -d /run/systemd/system ]; then /usr/sbin/invoke-rc.d anacron start >/dev/null; fi",
    "command -v debian-sa1 > /dev/null && debian-sa1 1 1", "/usr/lib/sysstat/debian-sa1 1 1",
    "/usr/local/bin/certbot renew --quiet", "/usr/bin/pg_dump -Fc {word} > /backup/{word}.dump",
    "/home/{user}/bin/backup.sh >> /var/log/backup.log", "run-parts /etc/cron.hourly",
    "/usr/bin/php /var/www/html/cron.php", "/usr/local/bin/python3 /opt/app/manage.py clearsessions",
    "/usr/bin/flock -n /tmp/sync.lock /opt/sync/run.sh", "{path}")

_SUDO_CMD = tpls(
    C, "{uname} : TTY={tty} ; PWD={dir} ; USER={runas} ; COMMAND={cmd}",
    "{uname} : {n} incorrect password attempts ; TTY={tty} ; PWD={dir} ; USER=root ; COMMAND={cmd}",
    "{uname} : user NOT in sudoers ; TTY={tty} ; PWD={dir} ; USER=root ; COMMAND={cmd}",
    "{uname} : a password is required ; TTY={tty} ; PWD={dir} ; USER=root ; COMMAND={cmd}",
    "{uname} : TTY={tty} ; PWD={dir} ; USER={runas} ; ENV=DEBIAN_FRONTEND=noninteractive ; COMMAND={cmd}")
_SUDO_PAM = tpls(
    C, "pam_unix(sudo:session): session opened for user {runas}(uid=0) by {uname}(uid={num})",
    "pam_unix(sudo:session): session opened for user root by {uname}(uid={num})",
    "pam_unix(sudo:session): session closed for user {runas}",
    "pam_unix(sudo:auth): authentication failure; logname={uname} uid={num} euid=0 tty=/dev/{tty} ruser={uname} rhost=  user={uname}",
    "pam_unix(sudo:auth): conversation failed",
    "pam_unix(sudo:auth): auth could not identify password for [{uname}]")
_CRON = tpls(
    C, "({runas}) CMD ({croncmd})", "({runas}) CMD ({croncmd})", "({user}) CMD ({croncmd})",
    "pam_unix(cron:session): session opened for user {runas} by (uid=0)",
    "pam_unix(cron:session): session opened for user {runas}(uid=0) by (uid=0)",
    "pam_unix(cron:session): session closed for user {runas}",
    "(CRON) info (No MTA installed, discarding output)", "(CRON) INFO (pidfile fd = {n})",
    "(CRON) INFO (Running @reboot jobs)", "(CRON) INFO (Skipping @reboot jobs -- not system startup)",
    "(CRON) STARTUP (fork ok)", "({uname}) RELOAD (crontabs/{uname})")
_CROND = tpls(
    C, "({runas}) CMD ({croncmd})", "({runas}) CMDEND ({croncmd})", "(CRON) STARTUP (1.5.{n})",
    "(CRON) INFO (RANDOM_DELAY will be scaled with factor {n2}% if used.)",
    "(root) CMDOUT (run-parts: /etc/cron.hourly/0anacron exited with return code 1)")
_SU = tpls(
    C, "(to {runas}) {uname} on {tty}", "FAILED SU (to {runas}) {uname} on {tty}",
    "Successful su for {runas} by {uname}", "FAILED su for {runas} by {uname}",
    "pam_unix(su:session): session opened for user {runas}(uid=0) by {uname}(uid={num})",
    "pam_unix(su:session): session opened for user root by {uname}(uid={num})",
    "pam_unix(su:session): session closed for user {runas}",
    "pam_unix(su:auth): authentication failure; logname={uname} uid={num} euid=0 tty={tty} ruser={uname} rhost=  user={runas}",
    "pam_authenticate: Authentication failure")
_LOGIND = tpls(
    C, "New session {num} of user {uname}.", "New session c{n} of user {uname}.",
    "Session {num} logged out. Waiting for processes to exit.", "Removed session {num}.",
    "Removed session c{n}.", "New seat seat0.", "Watching system buttons on /dev/input/event{n} (Power Button)")
_SYSTEMD_SESS = tpls(
    C, "Started Session {num} of user {uname}.", "Started session-{num}.scope - Session {num} of User {uname}.",
    "Created slice User Slice of UID {num}.", "Starting User Manager for UID {num}...",
    "session-{num}.scope: Deactivated successfully.", "Removed slice User Slice of UID {num}.")
_ACCOUNTS = [
    ("useradd", tpls(C, "new user: name={uname}, UID={num}, GID={num}, home=/home/{uname}, shell=/bin/bash, from=/dev/{tty}",
                     "new group: name={uname}, GID={num}", "add '{uname}' to group 'sudo'",
                     "add '{uname}' to shadow group 'sudo'")),
    ("groupadd", tpls(C, "group added to /etc/group: name={uname}, GID={num}",
                      "new group: name={uname}, GID={num}")),
    ("passwd", tpls(C, "pam_unix(passwd:chauthtok): password changed for {uname}",
                    "gkr-pam: couldn't update the login keyring password: no old password was entered")),
    ("usermod", tpls(C, "add '{uname}' to group 'docker'", "change user '{uname}' password")),
    ("userdel", tpls(C, "delete user '{uname}'", "removed group '{uname}' owned by '{uname}'")),
    ("login", tpls(C, "pam_unix(login:session): session opened for user {runas}(uid=0) by LOGIN(uid=0)",
                   "ROOT LOGIN  on ‹'›/dev/tty1‹'›", "FAILED LOGIN (1) on '/dev/tty1' FOR '{uname}', Authentication failure")),
    ("pkexec", tpls(C, "{uname}: Executing command [USER=root] [TTY=unknown] [CWD={dir}] [COMMAND=/usr/lib/update-notifier/package-system-locked]",
                    "pam_unix(polkit-1:session): session opened for user root(uid=0) by {uname}(uid={num})")),
]


def _user_ctx(r) -> dict:
    return {"user": _pick(r, V.NAMES) if _chance(r, 0.8) else V.ident(r, 3, 10)}




@family("sudo_cron_pam")
def sudo_cron_pam(r) -> Line:
    b = Line()
    ctx = _user_ctx(r)
    v = _rr(r, 7)
    style = _pick(r, _HOST_STYLES)
    if v == 0:                                      # sudo:   bob : TTY=pts/0 ; PWD=... ; COMMAND=...
        header(r, b, "sudo", _chance(r, 0.3), style)
        if _chance(r, 0.7):
            b.sp(_ri(r, 0, 4))                   # auth.log pads the user name
            emit(r, b, _pick(r, _SUDO_CMD), ctx)
        else:
            emit(r, b, _pick(r, _SUDO_PAM), ctx)
    elif v == 1:                                    # CRON[123]: (root) CMD (...)
        header(r, b, _pick(r, ["CRON", "cron"]), True, style)
        emit(r, b, _pick(r, _CRON), ctx)
    elif v == 2:                                    # RHEL cronie: crond[123]: (root) CMDEND (...)
        header(r, b, _pick(r, ["crond", "CROND"]), True, style)
        emit(r, b, _pick(r, _CROND), ctx)
    elif v == 3:                                    # su
        header(r, b, "su", _chance(r, 0.7), style)
        emit(r, b, _pick(r, _SU), ctx)
    elif v == 4:                                    # systemd-logind / systemd sessions
        if _chance(r, 0.6):
            header(r, b, "systemd-logind", True, style)
            emit(r, b, _pick(r, _LOGIND), ctx)
        else:
            header(r, b, "systemd", _pick(r, [1, True]), style)
            emit(r, b, _pick(r, _SYSTEMD_SESS + SYSTEMD_MSGS[:6]), ctx)
    elif v == 5:                                    # account management
        prog, msgs = _pick(r, _ACCOUNTS)
        header(r, b, prog, True, style)
        emit(r, b, _pick(r, msgs), ctx)
    else:                                           # a cron job's own output via logger
        header(r, b, _pick(r, ["CRON", "anacron", "sudo", "su"]), True, style)
        message(r, b)
    return b
