"""Python ``logging`` output, log4j/logback layouts, Java stack traces and the Hadoop family of
Java daemons (HDFS, MapReduce/YARN, Spark, ZooKeeper).

Labels come from construction: each value is appended with ``.f()``, each separator with
``.d()``; constant message words go through ``.words()`` (see :class:`fam_db.L`).  The Hadoop
messages are invented in the style of those daemons, not copied from Loghub.
"""
from __future__ import annotations

from . import family
from . import messages as M
from . import values as V
from .fam_db import L

pick, chance = V.pick, V.chance


def _t(r):
    return V.moment(r)


def _ms(t):
    return f"{t.microsecond // 1000:03d}"


def _asctime(t, sep=","):
    """``2023-10-10 13:55:36,123`` (Python asctime, log4j ISO8601)."""
    return t.strftime("%Y-%m-%d %H:%M:%S") + sep + _ms(t)


def _host_port(r, b: L, slash: bool = False):
    if slash:
        b.d("/")
    b.f(V.ip4(r)).d(":").f(str(pick(r, [50010, 50010, 8020, 9000, 2181, 3888, 7077]) if chance(r, 0.5)
                              else r.randint(1024, 65535)))
    return b


def _size_or_dash(r, b: L, p_dash: float):
    """A response size, or a lone ``-`` when there is none: the placeholder fills the size's
    place, so it is a field (rule 8: columns stay countable)."""
    if chance(r, p_dash):
        b.f("-")
    else:
        b.f(str(r.randint(0, 99999)))


# ----------------------------------------------------------------------------- python_logging
_PY_LOGGERS = ["root", "__main__", "app", "app.db", "app.api.views", "urllib3.connectionpool",
               "asyncio", "werkzeug", "uvicorn.error", "uvicorn.access", "celery.worker.strategy",
               "botocore.credentials", "sqlalchemy.engine.Engine", "kafka.conn", "gunicorn.error",
               "myproject.tasks", "requests.packages.urllib3", "aiohttp.access", "scheduler"]
_PY_MODULES = ["app", "views", "routes", "tasks", "_internal", "connectionpool", "worker",
               "models", "utils", "__init__", "handlers"]
_PY_LEVELS = ["INFO", "INFO", "INFO", "WARNING", "ERROR", "DEBUG", "CRITICAL", "WARNING"]


def _py_msg(r, b: L):
    k = r.randint(0, 13)
    if k == 0:
        b.words("Starting new HTTPS connection ").d("(").f(str(r.randint(1, 9))).d("): ")
        b.f(V.hostname(r, fqdn=True)).d(":").f(pick(r, ["443", "443", "8443"]))
    elif k == 1:
        b.f(f"https://{V.hostname(r, fqdn=True)}:443").sp().d('"').f(
            f"{pick(r, V.HTTP_METHODS[:4])} {V.url_path(r)} HTTP/1.1").d('" ')
        b.f(str(pick(r, [200, 200, 201, 204, 400, 404, 500, 503]))).sp()
        _size_or_dash(r, b, 0.2)
    elif k == 2:
        b.words("Task ").f(f"{pick(r, ['tasks', 'app.tasks', 'billing.tasks'])}.{pick(r, ['send_email', 'sync_user', 'cleanup', 'charge'])}")
        b.d("[").f(V.uuid(r)).d("] ")
        if chance(r, 0.5):
            b.words("succeeded in ").f(f"{r.uniform(0, 30):.6f}s").d(": ").f(pick(r, ["None", "True", "0"]))
        else:
            w = r.randint(0, 2)
            if w == 0:
                b.words("received")
            elif w == 1:
                b.words("retry: Retry in ").f(f"{pick(r, [5, 10, 60, 300])}s")
            else:
                b.words("raised unexpected: ").f(pick(r, ["ConnectionError", "TimeoutError", "KeyError"]))
                b.d("()")
    elif k == 3:
        b.words("Retrying ").d("(").f("Retry").d("(")
        for i, key in enumerate(("total", "connect", "read", "redirect", "status")):
            if i:
                b.d(", ")
            b.kv(key, str(r.randint(0, 5)) if key == "total" else pick(r, ["None", "None", "0"]))
        b.d(")) ").words("after connection broken by ").quoted(
            pick(r, ["ConnectTimeoutError", "ProtocolError", "ReadTimeoutError", "NewConnectionError"]), "'")
        b.d(": ").f(V.url_path(r, query=False))
    elif k == 4:                                        # werkzeug
        # werkzeug writes CLF's ident and user places as `- -`: fields, as in CLF (rules 8, 9)
        b.f(V.ip4(r)).sp().f("-").sp().f("-").d(" [").f(_t(r).strftime("%d/%b/%Y %H:%M:%S")).d('] "').f(
            f"{pick(r, V.HTTP_METHODS[:4])} {V.url_path(r)} HTTP/1.1").d('" ')
        b.f(str(pick(r, [200, 302, 404, 500]))).sp()
        _size_or_dash(r, b, 0.5)
    elif k == 5:                                        # uvicorn access
        b.f(V.ip4(r)).d(":").f(str(r.randint(1024, 65535))).d(' - "').f(
            f"{pick(r, V.HTTP_METHODS[:4])} {V.url_path(r)} HTTP/1.1").d('" ')
        st = pick(r, [200, 201, 307, 404, 422, 500])
        b.f(str(st)).sp().words({200: "OK", 201: "Created", 307: "Temporary Redirect", 404: "Not Found",
                                 422: "Unprocessable Entity", 500: "Internal Server Error"}[st])
    elif k == 6:
        w = r.randint(0, 4)
        if w == 0:
            b.words("Booting worker with pid: ").f(str(r.randint(2, 99999)))
        elif w == 1:
            b.words("Uvicorn running on ").f(f"http://{pick(r, ['0.0.0.0', '127.0.0.1'])}:"
                                             f"{pick(r, ['8000', '80', '5000'])}")
            b.words(" (Press CTRL+C to quit)")
        elif w == 2:
            b.words("Connection pool is full, discarding connection: ").f(V.hostname(r, fqdn=True))
            b.words(". Connection pool size: ").f(str(pick(r, [1, 10, 25])))
        else:
            b.words(pick(r, ["Found credentials in environment variables.", "Application startup complete.",
                             "Waiting for application startup.", "Shutting down"]))
    elif k == 7:
        b.words("Exception in callback ").f(pick(r, ["BaseSelectorEventLoop._accept_connection",
                                                     "Task.task_wakeup", "_SelectorSocketTransport._read_ready"]))
        if chance(r, 0.5):
            b.d("(<").f("Future").words(" finished ").kv("result", "None").d(">)")
        else:
            b.d("(").f("None").d(")")
    elif k == 8:
        b.words("Unable to connect to ").f(V.hostname(r)).d(":").f(V.port(r)).d(": ")
        b.d("[").f("Errno").sp().f(pick(r, ["111", "110", "-2", "104"])).d("] ").words(
            pick(r, ["Connection refused", "Connection timed out", "Name or service not known",
                     "Connection reset by peer"]))
    elif k == 9:
        b.words("Loaded ").f(str(r.randint(0, 9999))).words(" rows from ").f(V.unix_path(r, "csv"))
        b.words(" in ").f(f"{r.uniform(0, 20):.2f}s")
    else:
        M.message(r, b)


def _py_traceback(r, b: L):
    k = r.randint(0, 5)
    if k == 0:
        b.words("Traceback ").d("(").words("most recent call last):")
    elif k <= 2:
        b.d("  ").f("File").sp().quoted(pick(r, [
            f"/usr/lib/python3.{r.randint(8, 12)}/{pick(r, ['asyncio/base_events', 'json/decoder', 'socket', 'ssl'])}.py",
            f"/app/{pick(r, ['app', 'api', 'worker', 'services'])}/{pick(r, _PY_MODULES)}.py",
            f"/usr/local/lib/python3.11/site-packages/{pick(r, ['django/core/handlers/exception', 'requests/adapters', 'sqlalchemy/engine/base', 'flask/app'])}.py"]))
        b.words(", line ").f(str(r.randint(1, 2500))).words(", in ")
        if chance(r, 0.1):
            b.d("<").f("module").d(">")
        else:
            b.f(pick(r, ["main", "handle", "_run", "get", "wrapper", "inner", "send", "execute",
                         "raw_decode", "__call__", "full_dispatch_request"]))
    elif k == 3:
        b.d("    ").words(pick(r, ["return ", "raise ", "result = ", ""]))
        fn = pick(r, ["int", "json.loads", "self._do_request", "conn.execute", "func", "handler",
                      "self.session.get"])
        b.f(fn).d("(").f(pick(r, ["value", "body", "request", "stmt", "*args", "data"])).d(")")
    elif k == 4:
        exc = pick(r, ["ValueError", "KeyError", "TypeError", "ConnectionError", "json.decoder.JSONDecodeError",
                       "requests.exceptions.ReadTimeout", "sqlalchemy.exc.OperationalError", "RuntimeError"])
        b.f(exc).d(": ")
        if exc == "ValueError":
            b.words("invalid literal for ").f("int").d("() ").words("with base 10: ").quoted(V.ident(r, 1, 6), "'")
        elif exc == "KeyError":
            b.quoted(pick(r, ["user_id", "id", "data", "HOME"]), "'")
        elif exc == "TypeError":
            b.quoted("NoneType", "'").words(" object is not subscriptable")
        elif exc.endswith("JSONDecodeError"):
            b.words("Expecting value: line ").f("1").words(" column ").f(str(r.randint(1, 99)))
            b.sp().d("(").f("char").sp().f(str(r.randint(0, 99))).d(")")
        elif exc == "sqlalchemy.exc.OperationalError":
            b.d("(").f("psycopg2.OperationalError").d(") ").words("could not connect to server: Connection refused")
        else:
            M.message(r, b)
    else:
        b.words("During handling of the above exception, another exception occurred:")
    return b


@family("python_logging")
def python_logging(r) -> L:
    """basicConfig default / ``asctime - name - levelname - message`` / Flask ``[asctime]
    levelname in module: message`` / padded ``%(levelname)-8s`` / bracketed level / traceback."""
    b = L()
    t = _t(r)
    v = r.randint(0, 6)
    lv = pick(r, _PY_LEVELS)
    logger = pick(r, _PY_LOGGERS)
    if v == 0:                                      # %(levelname)s:%(name)s:%(message)s
        b.f(lv).d(":").f(logger).d(":")
    elif v == 1:                                    # %(asctime)s - %(name)s - %(levelname)s - %(message)s
        b.f(_asctime(t)).d(" - ").f(logger).d(" - ").f(lv).d(" - ")
    elif v == 2:                                    # [%(asctime)s] %(levelname)s in %(module)s: %(message)s
        b.d("[").f(_asctime(t)).d("] ").f(lv).words(" in ").f(pick(r, _PY_MODULES)).d(": ")
    elif v == 3:                                    # %(asctime)s %(levelname)-8s %(name)s %(message)s
        b.f(_asctime(t)).sp().f(lv).d(" " * (9 - len(lv))).f(logger).sp()
    elif v == 4:                                    # %(asctime)s [%(levelname)s] %(name)s: %(message)s
        b.f(_asctime(t) if chance(r, 0.7) else t.strftime("%Y-%m-%d %H:%M:%S")).d(" [").f(lv).d("] ")
        b.f(logger).d(": ")
    elif v == 5:                                    # %(asctime)s %(name)-12s %(levelname)-8s %(message)s
        b.f(_asctime(t)).sp().f(logger).d(" " * max(1, 13 - len(logger))).f(lv).d(" " * (9 - len(lv)))
    else:                                           # traceback lines of logging.exception()
        return _py_traceback(r, b)
    _py_msg(r, b)
    return b


# ----------------------------------------------------------------------------- log4j / logback
_THREADS = ["main", "main", "pool-{a}-thread-{b}", "http-nio-8080-exec-{b}", "http-nio-{p}-exec-{b}",
            "Thread-{b}", "ForkJoinPool.commonPool-worker-{b}", "scheduling-1", "task-{b}",
            "kafka-producer-network-thread | producer-{a}", "DefaultDispatcher-worker-{b}",
            "qtp{n}-{b}", "RMI TCP Connection({b})-{ip}", "HikariPool-1 housekeeper",
            "reactor-http-nio-{b}", "grpc-default-executor-{b}", "AsyncResolver-bootstrap-executor-0",
            "Catalina-utility-{a}", "localhost-startStop-1", "SimpleAsyncTaskExecutor-{b}"]


def _thread_name(r, b: L):
    """A thread name; blanks split it (docs/LABELING.md #26), ``|`` alone and brackets delimit."""
    name = pick(r, _THREADS)
    if "{" in name:
        name = name.replace("{a}", str(r.randint(1, 9))).replace("{b}", str(r.randint(1, 64))) \
            .replace("{p}", pick(r, ["8080", "8443", "9090"])).replace("{n}", str(r.randint(10 ** 8, 10 ** 10)))
    if "(" in name:                                 # RMI TCP Connection(12)-10.0.0.5
        head, rest = name.split("(", 1)
        num, ip = rest.split(")-", 1)
        b.words(head).d("(").f(num).d(")-").f(ip.replace("{ip}", V.ip4(r)))
    else:
        b.words(name)
    return b


def _abbrev(cls: str, width: int = 36):
    """logback ``%logger{36}``: shorten leading packages to their initial until it fits."""
    parts = cls.split(".")
    i = 0
    while len(".".join(parts)) > width and i < len(parts) - 1:
        parts[i] = parts[i][0]
        i += 1
    return ".".join(parts)


def _j_msg(r, b: L):
    k = r.randint(0, 12)
    if k == 0:
        b.words("Tomcat started on port").d("(").f("s").d("): ").f(pick(r, ["8080", "8443", "9000"]))
        b.d(" (").f(pick(r, ["http", "https"])).words(") with context path ")
        b.quoted("/" + pick(r, ["api", "app", "v1"]) if chance(r, 0.4) else "", "'")  # '' empty field
    elif k == 1:
        b.words("Started ").f(pick(r, ["Application", "BillingService", "GatewayApp"])).words(" in ")
        b.f(f"{r.uniform(1, 60):.3f}").words(" seconds ").d("(").words("process running for ")
        b.f(f"{r.uniform(1, 70):.3f}").d(")")
    elif k == 2:
        b.f(pick(r, ["HikariPool-1", "HikariPool-2"])).words(" - ").words(pick(r, [
            "Starting...", "Start completed.", "Shutdown initiated...", "Shutdown completed.",
            "Connection is not available, request timed out after 30000ms."]))
    elif k == 3:
        b.words("Completed initialization in ").f(str(r.randint(1, 900))).words(" ms")
    elif k == 4:
        if chance(r, 0.3):
            b.words("Resolving eureka endpoints via configuration")
        else:
            b.words("Initializing Spring DispatcherServlet ").quoted("dispatcherServlet", "'")
    elif k == 5:
        b.words("Mapped ").quoted("{" + f"[{V.url_path(r, query=False)}],methods=[{pick(r, V.HTTP_METHODS[:4])}]" + "}")
        b.words(" onto public ").f(f"{V.java_class(r, inner=False)}.{pick(r, ['list', 'get', 'create'])}").d("()")
    elif k == 6:
        if chance(r, 0.3):
            b.words("Kafka version: ").f(pick(r, ["3.4.0", "2.8.1", "3.6.1"]))
        else:
            b.d("[").f("Consumer").sp().kv("clientId", f"consumer-{V.ident(r, 3, 6)}-{r.randint(1, 9)}")
            b.d(", ").kv("groupId", V.ident(r, 3, 10)).d("] ").words("Resetting offset for partition ")
            b.f(f"{V.ident(r, 3, 8)}-{r.randint(0, 11)}").words(" to position ").f("FetchPosition").d("{")
            b.kv("offset", str(r.randint(0, 10 ** 6))).d(", ").kv("offsetEpoch", "Optional.empty").d("}.")
    elif k == 7:
        b.words("Request processing failed; nested exception is ").f(pick(r, [
            "java.lang.NullPointerException", "java.lang.IllegalStateException",
            "org.springframework.dao.DataIntegrityViolationException"]))
    elif k == 8:
        b.words("Connection to node ").f(str(r.randint(-1, 9))).d(" (").f(V.hostname(r)).d("/")
        b.f(V.ip4(r)).d(":").f("9092").words(") could not be established. Broker may not be available.")
    elif k == 9:
        b.words("Executing SQL query ").d("[").words("select id, name from ").f(pick(r, ["users", "orders"]))
        b.words(" where id = ").f(str(r.randint(1, 999))).d("]")
    else:
        M.message(r, b)


_J_LEVELS = ["INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG", "TRACE"]


@family("log4j")
def log4j(r) -> L:
    """``%d{ISO8601} %-5p [%t] %c{1}:%L - %m`` / logback ``%d [%thread] %-5level %logger{36} -
    %msg`` / ``%d{HH:mm:ss,SSS} %-5p %C:%L - %m`` / ``%r [%t] %-5p %c %x - %m`` / Spring Boot."""
    b = L()
    t = _t(r)
    v = r.randint(0, 5)
    lv = pick(r, _J_LEVELS)
    pad = " " * (5 - len(lv))
    cls = V.java_class(r)
    simple = cls.rsplit(".", 1)[1]
    if v == 0:
        b.f(_asctime(t)).sp().f(lv).d(pad + " [")
        _thread_name(r, b).d("] ").f(simple).d(":").f(str(r.randint(1, 2000))).d(" - ")
    elif v == 1:
        b.f(_asctime(t, ".")).d(" [")
        _thread_name(r, b).d("] ").f(lv).d(pad + " ").f(_abbrev(cls)).d(" - ")
    elif v == 2:
        b.f(t.strftime("%H:%M:%S,") + _ms(t)).sp().f(lv).d(pad + " ").f(cls.split("$")[0]).d(":")
        b.f(str(r.randint(1, 2000))).d(" - ")
    elif v == 3:                                    # %r [%t] %-5p %c %x - %m  (empty NDC: two blanks)
        b.f(str(r.randint(0, 10 ** r.randint(2, 8)))).d(" [")
        _thread_name(r, b).d("] ").f(lv).d(pad + " ").f(cls)
        if chance(r, 0.2):                          # an NDC value
            b.sp().f(V.uuid(r) if chance(r, 0.5) else V.user(r)).d(" - ")
        else:
            b.d("  - ")
    elif v == 4:                                    # Spring Boot 2: '%d  %5p %pid --- [%15.15t] %-40.40logger{39} : %m'
        b.f(_asctime(t, ".")).d(" " * (6 - len(lv))).f(lv).sp().f(str(r.randint(1, 99999))).d(" --- [")
        name = pick(r, ["main", "nio-8080-exec-1", "restartedMain", "scheduling-1", "task-3",
                        "nio-8080-exec-10", "ionShutdownHook"])
        b.d(" " * (15 - len(name))).f(name).d("] ")
        lg = _abbrev(cls, 39)[-40:]
        b.f(lg).d(" " * max(1, 41 - len(lg)) + ": ")
    else:                                           # Spring Boot 3: ISO-8601 with offset, [app] optional
        b.f(t.strftime("%Y-%m-%dT%H:%M:%S.") + _ms(t) + pick(r, ["Z", "+02:00", "-05:00", "+00:00"]))
        b.d(" " * (6 - len(lv))).f(lv).sp().f(str(r.randint(1, 99999))).d(" --- ")
        if chance(r, 0.5):
            b.d("[").f(pick(r, ["billing", "gateway", "demo"])).d("] ")
        b.d("[")
        name = pick(r, ["main", "nio-8080-exec-1", "scheduling-1", "task-3", "restartedMain"])
        b.d(" " * (15 - len(name))).f(name).d("] ")
        lg = _abbrev(cls, 39)
        b.f(lg).d(" " * max(1, 41 - len(lg)) + ": ")
    _j_msg(r, b)
    return b


# ----------------------------------------------------------------------------- java_stack
_EXC = ["java.lang.NullPointerException", "java.lang.IllegalArgumentException",
        "java.lang.IllegalStateException", "java.io.IOException", "java.net.ConnectException",
        "java.net.SocketTimeoutException", "java.sql.SQLException", "java.util.concurrent.TimeoutException",
        "java.lang.OutOfMemoryError", "java.lang.ArrayIndexOutOfBoundsException",
        "java.lang.NumberFormatException", "java.io.FileNotFoundException", "java.lang.ClassCastException",
        "org.apache.kafka.common.errors.TimeoutException", "java.util.concurrent.ExecutionException",
        "com.fasterxml.jackson.databind.exc.MismatchedInputException", "java.net.SocketException",
        "org.springframework.beans.factory.BeanCreationException", "java.lang.RuntimeException",
        "org.apache.hadoop.ipc.RemoteException", "java.nio.channels.ClosedChannelException",
        "javax.net.ssl.SSLHandshakeException", "java.lang.UnsupportedOperationException"]
_METHODS = ["run", "invoke", "doFilter", "service", "handle", "call", "execute", "processRequest",
            "channelRead", "lambda$process$0", "access$000", "get", "apply", "doGet", "accept",
            "invoke0", "runWorker", "dispatch", "readFully", "connect", "parseInt", "lambda$main$1"]
_JDK_FRAMES = [("java.lang.Thread", "run", "Thread.java"),
               ("java.util.concurrent.ThreadPoolExecutor", "runWorker", "ThreadPoolExecutor.java"),
               ("java.util.concurrent.ThreadPoolExecutor$Worker", "run", "ThreadPoolExecutor.java"),
               ("java.util.concurrent.FutureTask", "run", "FutureTask.java"),
               ("java.lang.reflect.Method", "invoke", "Method.java"),
               ("java.net.SocketInputStream", "read", "SocketInputStream.java"),
               ("java.lang.Integer", "parseInt", "Integer.java"),
               ("sun.reflect.DelegatingMethodAccessorImpl", "invoke", "DelegatingMethodAccessorImpl.java"),
               ("io.netty.util.concurrent.SingleThreadEventExecutor$4", "run", "SingleThreadEventExecutor.java"),
               ("org.apache.catalina.core.ApplicationFilterChain", "internalDoFilter", "ApplicationFilterChain.java")]


def _exc_msg(r, b: L, exc: str):
    k = r.randint(0, 11)
    if k == 0:
        if chance(r, 0.5):
            b.words("Connection reset by peer")
        else:
            b.words("Connection refused ").d("(").words("Connection refused").d(")")
    elif k == 1:
        b.words("Cannot invoke ").quoted(pick(r, ["String.length()", "java.util.List.size()", "Object.toString()"]))
        b.words(" because ").quoted(pick(r, ["<local1>", "this.client", "user"])).words(" is null")
    elif k == 2:
        b.words("Index ").f(str(r.randint(0, 99))).words(" out of bounds for length ").f(str(r.randint(0, 99)))
    elif k == 3:
        b.words("For input string: ").quoted(pick(r, [V.ident(r, 1, 6), "", "12a"]))
    elif k == 4:
        b.f(V.unix_path(r)).sp().d("(").words(pick(r, ["No such file or directory", "Permission denied"])).d(")")
    elif k == 5:
        b.words("Failed to bind to ").f("0.0.0.0").d("/").f("0.0.0.0").d(":").f(V.port(r))
    elif k == 6:
        b.words(pick(r, ["Java heap space", "GC overhead limit exceeded", "Read timed out", "Broken pipe",
                         "Timeout waiting for connection from pool", "Unable to acquire JDBC Connection"]))
    elif k == 7:
        b.words("Could not open connection to ").f(V.hostname(r)).d(":").f(V.port(r))
    elif k == 8:
        b.words("class ").f("java.lang.String").words(" cannot be cast to class ").f("java.lang.Integer")
    elif k == 9:
        b.words("Error creating bean with name ").quoted(pick(r, ["dataSource", "entityManagerFactory",
                                                                  "kafkaListener"]), "'")
        b.words(" defined in class path resource ").bracketed(f"{pick(r, ['DataSourceConfig', 'AppConfig'])}.class")
        b.d(": ").words("Invocation of init method failed")
    elif k == 10:
        b.words("Call From ").f(V.hostname(r)).d("/").f(V.ip4(r)).words(" to ").f(V.hostname(r)).d(":")
        b.f("8020").words(" failed on connection exception")
    else:
        M.message(r, b)


def _frame(r, b: L):
    """``at com.foo.Bar.baz(Bar.java:42)`` and its variants (docs/LABELING.md #10)."""
    b.d(pick(r, ["\t", "\t", "    ", "        ", "\t"])).f("at").sp()
    k = r.randint(0, 9)
    if k < 3:
        cls, meth, file = pick(r, _JDK_FRAMES)
        if chance(r, 0.3):
            cls = "java.base/" + cls
    else:
        cls = V.java_class(r)
        meth = pick(r, _METHODS)
        file = cls.rsplit(".", 1)[1].split("$")[0] + pick(r, [".java", ".java", ".java", ".kt", ".scala"])
        if chance(r, 0.1):
            cls = "app//" + cls
    if chance(r, 0.08):                              # constructor / static init
        b.f(cls).d(".<").f(pick(r, ["init", "clinit"])).d(">(")
    else:
        b.f(f"{cls}.{meth}").d("(")
    s = r.randint(0, 11)
    if s == 0:
        b.f("Native Method").d(")")
    elif s == 1:
        b.f("Unknown Source").d(")")
    else:
        b.f(file).d(":").f(str(r.randint(1, 3000))).d(")")
    if chance(r, 0.15):                              # logback packaging data
        b.d(pick(r, [" ~[", " [", " ~["]))
        if chance(r, 0.4):
            b.f("na").d(":").f(pick(r, ["1.8.0_292", "11.0.20", "17.0.8"]))
        else:
            art = pick(r, ["spring-webmvc", "tomcat-embed-core", "kafka-clients", "netty-transport",
                           "hadoop-common", "jackson-databind"])
            ver = pick(r, ["5.3.20", "9.0.63", "3.4.0", "4.1.94.Final", "2.10.1", "2.15.2"])
            b.f(f"{art}-{ver}.jar").d(":").f(ver)
        b.d("]")
    return b


@family("java_stack")
def java_stack(r) -> L:
    """Stack frames, ``Caused by:``, ``... N more``, exception headers, ``Exception in thread``,
    ``Suppressed:``."""
    b = L()
    k = r.randint(0, 15)
    exc = pick(r, _EXC)
    if k < 8:
        _frame(r, b)
    elif k < 10:
        b.f("Caused").sp().f("by").d(": ").f(exc)
        if chance(r, 0.85):
            b.d(": ")
            _exc_msg(r, b, exc)
    elif k < 12:
        b.d(pick(r, ["\t", "\t", "    "]) + "... ").f(str(r.randint(1, 120)))
        b.words(" more" if chance(r, 0.8) else " common frames omitted")
    elif k < 14:
        b.f(exc)
        if chance(r, 0.85):
            b.d(": ")
            _exc_msg(r, b, exc)
    elif k == 14:
        b.words("Exception in thread ").quoted(pick(r, ["main", "pool-1-thread-2", "Thread-0",
                                                         "kafka-coordinator-heartbeat-thread | grp"]))
        b.sp().f(exc).d(": ")
        _exc_msg(r, b, exc)
    else:
        b.d("\t").f("Suppressed").d(": ").f(exc).d(": ")
        _exc_msg(r, b, exc)
    return b


# ----------------------------------------------------------------------------- hadoop_daemons
def _appid(r):
    return f"{r.randint(1_400_000_000_000, 1_700_000_000_000)}_{r.randint(1, 9999):04d}"


def _hdfs_old(r, b: L):
    """``081109 203615 148 INFO dfs.DataNode$PacketResponder: ...`` (yyMMdd HHmmss pid)."""
    t = _t(r)
    b.f(t.strftime("%y%m%d %H%M%S")).sp().f(str(r.randint(1, 40000))).sp()
    b.f(pick(r, ["INFO", "INFO", "INFO", "WARN", "ERROR"])).sp()
    k = r.randint(0, 9)
    blk = V.blk(r)
    if k == 0:
        b.f("dfs.DataNode$PacketResponder").d(": ").words("PacketResponder ").f(str(r.randint(0, 2)))
        b.words(" done with block ").f(blk).words(pick(r, [", closing", ", terminating", ""]))
    elif k == 1:
        b.f("dfs.DataNode$DataXceiver").d(": ").words("Opening stream for block ").f(blk).words(" src: ")
        _host_port(r, b, slash=True).words(" dest: ")
        _host_port(r, b, slash=True)
    elif k == 2:
        b.f("dfs.FSNamesystem").d(": ").f("BLOCK*").sp().f("NameSystem.addStoredBlock").d(": ")
        b.words("blockMap updated: ")
        _host_port(r, b).words(" is added to ").f(blk).words(" size ").f(str(r.randint(1, 67108864)))
    elif k == 3:
        b.f("dfs.FSNamesystem").d(": ").f("BLOCK*").sp().f("NameSystem.allocateBlock").d(": ")
        b.f(f"/user/{V.user(r)}/{pick(r, ['rand', 'sort', 'tmp', 'out'])}/_temporary/_task_"
            f"{t.strftime('%Y%m%d%H%M')}_{r.randint(1, 9):04d}_{pick(r, ['m', 'r'])}_{r.randint(0, 999):06d}_0/part-{r.randint(0, 999):05d}")
        b.d(". ").f(blk)
    elif k == 4:
        b.f("dfs.DataNode").d(": ")
        _host_port(r, b).d(":").words("Finished transmitting block ").f(blk).words(" to ")
        _host_port(r, b, slash=True)
    elif k == 5:
        b.f("dfs.DataBlockScanner").d(": ").words("Block verification ").words(
            pick(r, ["passed", "succeeded", "failed"])).words(" for ").f(blk)
    elif k == 6:
        b.f("dfs.FSNamesystem").d(": ").f("BLOCK*").sp().words("ask ")
        _host_port(r, b).words(" to replicate ").f(blk).words(" to datanode").d("(").f("s").d(") ")
        _host_port(r, b)
    elif k == 7:
        b.f("dfs.FSDataset").d(": ").words("Removing block ").f(blk).words(" file ")
        b.f(f"/mnt/hadoop/dfs/data/current/subdir{r.randint(0, 63)}/{blk}")
    elif k == 8:
        b.f("dfs.DataNode").d(": ").words("Served block ").f(blk).words(" to ")
        b.d("/").f(V.ip4(r))
    else:
        b.f(V.short_class(r)).d(": ")
        M.message(r, b)


def _mr_thread(r, b: L):
    k = r.randint(0, 7)
    if k == 0:
        b.f("main")
    elif k == 1:
        b.words("AsyncDispatcher event handler")
    elif k == 2:
        b.words("RMCommunicator Allocator")
    elif k == 3:
        b.words("IPC Server handler ").f(str(r.randint(0, 29))).words(" on ").f(str(r.randint(10000, 65535)))
    elif k == 4:
        b.words("ContainerLauncher ").f(f"#{r.randint(0, 9)}")
    elif k == 5:
        b.f("LeaseRenewer").d(":").f(V.user(r)).d("@").f(V.hostname(r, fqdn=False)).d(":").f(
            pick(r, ["8020", "9000"]))
    elif k == 6:
        b.f("eventHandlingThread")
    else:
        b.words("Socket Reader ").f(f"#{r.randint(1, 3)}").words(" for port ").f(str(r.randint(10000, 65535)))


def _hadoop_new(r, b: L):
    """``2015-10-18 18:01:47,978 INFO [thread] org.apache...: msg`` (MapReduce AM, YARN)."""
    t = _t(r)
    b.f(_asctime(t)).sp().f(pick(r, ["INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG"])).sp()
    if chance(r, 0.8):
        b.d("[")
        _mr_thread(r, b)
        b.d("] ")
    app = _appid(r)
    k = r.randint(0, 9)
    attempt = f"attempt_{app}_{pick(r, ['m', 'r'])}_{r.randint(0, 999):06d}_{r.randint(0, 3)}"
    container = f"container_{app}_{r.randint(1, 3):02d}_{r.randint(1, 99):06d}"
    if k == 0:
        b.f("org.apache.hadoop.mapreduce.v2.app.MRAppMaster").d(": ").words("Launching MRAppMaster for ")
        b.f(f"appattempt_{app}_{r.randint(1, 3):06d}")
    elif k == 1:
        b.f("org.apache.hadoop.mapreduce.v2.app.job.impl.TaskAttemptImpl").d(": ").f(attempt)
        a, z = r.sample(["NEW", "UNASSIGNED", "ASSIGNED", "RUNNING", "SUCCEEDED", "FAILED"], 2)
        b.words(" moved from state ").f(a).words(" to ").f(z)
    elif k == 2:
        b.f("org.apache.hadoop.mapreduce.v2.app.rm.RMContainerAllocator").d(": ").words("Assigning container ")
        b.f(container).words(" to task attempt ").f(attempt)
    elif k == 3:
        b.f("org.apache.hadoop.mapred.TaskAttemptListenerImpl").d(": ").words("Progress update for ")
        b.f(attempt).d(": ").f(f"{r.random():.7f}")
    elif k == 4:
        b.f("org.apache.hadoop.yarn.client.RMProxy").d(": ").words("Connecting to ResourceManager at ")
        b.f(V.hostname(r, fqdn=False)).d("/").f(V.ip4(r)).d(":").f(pick(r, ["8030", "8032", "8031"]))
    elif k == 5:
        b.f("org.apache.hadoop.yarn.server.resourcemanager.rmcontainer.RMContainerImpl").d(": ").f(container)
        a, z = r.sample(["NEW", "ALLOCATED", "ACQUIRED", "RUNNING", "COMPLETED", "RELEASED"], 2)
        b.words(" container state changed ").f(a).words(" -> ").f(z)
    elif k == 6:
        b.f("org.apache.hadoop.hdfs.LeaseRenewer").d(": ").words("Could not renew lease for ")
        b.d("[").f(f"DFSClient_NONMAPREDUCE_{r.randint(-2 ** 31, 2 ** 31)}_{r.randint(1, 99)}").d("] ")
        b.words("after ").f(str(r.randint(30, 900))).words(" seconds.  Retrying shortly ...")
    elif k == 7:
        b.f("org.apache.hadoop.mapreduce.v2.app.launcher.ContainerLauncherImpl").d(": ")
        b.words("Handling event ").f("EventType").d(": ").f("CONTAINER_REMOTE_LAUNCH").words(" for container ")
        b.f(container).words(" taskAttempt ").f(attempt)
    elif k == 8:
        b.f("org.apache.hadoop.hdfs.StateChange").d(": ").f("BLOCK*").words(" allocate ")
        b.f(f"blk_{r.randint(1073741825, 1073999999)}_{r.randint(1001, 99999)}").d(", ")
        b.f("replicas").d("=")
        for i in range(r.randint(1, 3)):
            if i:
                b.d(", ")
            _host_port(r, b)
        b.words(" for ").f(f"/tmp/hadoop-yarn/staging/{V.user(r)}/.staging/job_{app}/job.jar")
    else:
        b.f(V.java_class(r)).d(": ")
        M.message(r, b)


def _spark(r, b: L):
    """``17/06/09 20:10:40 INFO spark.SecurityManager: msg``."""
    t = _t(r)
    b.f(t.strftime("%y/%m/%d %H:%M:%S")).sp().f(pick(r, ["INFO", "INFO", "INFO", "WARN", "ERROR"])).sp()
    k = r.randint(0, 9)
    if k == 0:
        b.f("executor.Executor").d(": ").words("Running task ").f(f"{r.randint(0, 400)}.{r.randint(0, 3)}")
        b.words(" in stage ").f(f"{r.randint(0, 60)}.0").d(" (").f("TID").sp().f(str(r.randint(0, 9999))).d(")")
    elif k == 1:
        b.f("executor.Executor").d(": ").words("Finished task ").f(f"{r.randint(0, 400)}.0").words(" in stage ")
        b.f(f"{r.randint(0, 60)}.0").d(" (").f("TID").sp().f(str(r.randint(0, 9999))).d("). ")
        b.f(str(r.randint(600, 9000))).words(" bytes result sent to driver")
    elif k == 2:
        b.f("storage.MemoryStore").d(": ").words("Block ").f(f"broadcast_{r.randint(0, 90)}")
        b.words(pick(r, ["_piece0", ""])).words(" stored as ").words(pick(r, ["values", "bytes"]))
        b.words(" in memory ").d("(").words("estimated size ").f(f"{r.uniform(0, 900):.1f}")
        b.sp().f(pick(r, ["KB", "B", "MB"])).words(", free ").f(f"{r.uniform(1, 900):.1f}").words(" MB)")
    elif k == 3:
        b.f("spark.SecurityManager").d(": ").words(pick(r, ["Changing view acls to:",
                                                            "Changing modify acls to:"]))
        kp = len(b.parts) - 2                       # `to`, then the `:` delimiter
        b.sp()
        for i in range(r.randint(1, 3)):
            if i:
                b.d(",")
            b.f(V.user(r))
        b.paired(kp)                                # `to: a,b` pairs `to` with `a`
    elif k == 4:
        b.f("executor.CoarseGrainedExecutorBackend").d(": ").words("Got assigned task ").f(str(r.randint(0, 9999)))
    elif k == 5:
        b.f("storage.BlockManager").d(": ").words("Found block ").f(f"rdd_{r.randint(0, 90)}_{r.randint(0, 400)}")
        b.words(pick(r, [" locally", " remotely"]))
    elif k == 6:
        b.f("storage.BlockManagerMaster").d(": ").words("Registering BlockManager ").f("BlockManagerId")
        b.d("(").f(str(r.randint(1, 40))).d(", ").f(V.hostname(r, fqdn=False)).d(", ").f(str(r.randint(30000, 60000)))
        b.d(", ").f("None").d(")")
    elif k == 7:
        b.f("python.PythonRunner").d(": ").words("Times: total = ").f(str(r.randint(1, 9000))).words(", boot = ")
        b.f(str(r.randint(-50, 900))).words(", init = ").f(str(r.randint(0, 900))).words(", finish = ")
        b.f(str(r.randint(0, 90)))
    elif k == 8:
        b.f("scheduler.TaskSetManager").d(": ").words("Lost task ").f(f"{r.randint(0, 400)}.0").words(" in stage ")
        b.f(f"{r.randint(0, 60)}.0").d(" (").f("TID").sp().f(str(r.randint(0, 9999))).d(", ")
        b.f(V.hostname(r, fqdn=False)).d(", ").f("executor").sp().f(str(r.randint(1, 40))).d("): ")
        b.f(pick(r, _EXC)).d(": ")
        _exc_msg(r, b, "")
    else:
        b.f(V.short_class(r)).d(": ")
        M.message(r, b)


_ZK_CLASSES = ["FastLeaderElection", "QuorumCnxManager", "NIOServerCnxn", "NIOServerCnxnFactory",
               "ZooKeeperServer", "Learner", "QuorumPeer", "FileTxnSnapLog", "PrepRequestProcessor"]


def _zk_thread(r, b: L):
    myid = str(r.randint(1, 5))
    k = r.randint(0, 6)
    if k == 0:
        b.f("QuorumPeer").d("[").kv("myid", myid).d("]/").f("0:0:0:0:0:0:0:0").d(":").f("2181")
    elif k == 1:
        b.f("NIOServerCxn.Factory").d(":").f("0.0.0.0").d("/").f("0.0.0.0").d(":").f("2181")
    elif k == 2:
        b.f(pick(r, ["WorkerSender", "WorkerReceiver"])).d("[").kv("myid", myid).d("]")
    elif k == 3:
        b.f(pick(r, ["SendWorker", "RecvWorker"])).d(":").f(str(r.randint(1, 10 ** 12)))
    elif k == 4:
        b.f("main")
    elif k == 5:
        b.f("SyncThread").d(":").f(myid)
    else:
        b.f("ProcessThread").d("(").kv("sid", myid, ":").sp().kv("cport", "-1", ":").d("):")


def _zookeeper(r, b: L):
    """``2015-07-29 17:41:44,747 - INFO  [thread:Class@line] - msg``."""
    t = _t(r)
    lv = pick(r, ["INFO", "INFO", "WARN", "ERROR", "DEBUG"])
    b.f(_asctime(t)).d(" - ").f(lv).d(" " * (5 - len(lv)) + " [")
    _zk_thread(r, b)
    b.d(":").f(pick(r, _ZK_CLASSES)).d("@").f(str(r.randint(50, 1100))).d("] - ")
    k = r.randint(0, 8)
    sess = "0x" + V.hexstr(r, r.randint(12, 15), "")
    if k == 0:
        b.words("Accepted socket connection from ")
        _host_port(r, b, slash=True)
    elif k == 1:
        b.words("Closing socket connection for session ").f(sess).words(" from ")
        _host_port(r, b, slash=True)
    elif k == 2:
        b.words("Expiring session ").f(sess).words(", timeout of ").f(f"{r.randint(2, 60) * 1000}ms").words(" exceeded")
    elif k == 3:
        b.words("Established session ").f(sess).words(" with negotiated timeout ").f(str(r.randint(2, 60) * 1000))
        b.words(" for client ")
        _host_port(r, b, slash=True)
    elif k == 4:
        b.words("Cannot open channel to ").f(str(r.randint(1, 5))).words(" at election address ")
        _host_port(r, b, slash=True)
    elif k == 5:
        b.words("Reading snapshot ").f(f"/var/lib/zookeeper/version-2/snapshot.{V.hexstr(r, 9, '')}")
    elif k == 6:
        b.words("Notification: ").f(str(r.randint(1, 5))).d(" (").f("n.leader").d("), ")
        b.f("0x" + V.hexstr(r, 9, "")).d(" (").f("n.zxid").d("), ").f(f"0x{r.randint(1, 9)}").d(" (")
        b.f("n.round").d("), ").f(pick(r, ["LOOKING", "FOLLOWING", "LEADING"])).d(" (").f("n.state").d(")")
    elif k == 7:
        b.words("Connection broken for id ").f(str(r.randint(1, 5))).words(", my id = ").f(
            str(r.randint(1, 5))).words(", error = ")
    else:
        M.message(r, b)


@family("hadoop_daemons")
def hadoop_daemons(r) -> L:
    """HDFS (yyMMdd HHmmss pid) / MapReduce-YARN (``asctime LEVEL [thread] class: ``) / Spark
    (``yy/MM/dd HH:mm:ss``) / ZooKeeper (``asctime - LEVEL [thread:Class@line] - ``)."""
    b = L()
    v = r.randint(0, 3)
    (_hdfs_old, _hadoop_new, _spark, _zookeeper)[v](r, b)
    return b
