"""A live evidenced web service for the tests that need one: the daemon (`evidenced run`) and the
web server (`evidenced serve`) on a temporary inbox and data folder, the server on a free port.

    with LiveService() as live:
        password = live.add_user("bato", role="unit", unit="H-BATO", unit_name=..., level="district")
        live.url("/login")

Both processes run in their own process groups and are killed when the block ends, also on
failure; their logs are printed then when the block failed (or KEEP_LOGS=1).
"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(REPO, "samples", "submissions")


def evidenced_binary():
    """EVIDENCED_BIN, else the debug build's binary (what `swift test` just built)."""
    explicit = os.environ.get("EVIDENCED_BIN")
    if explicit:
        return explicit
    path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPO, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "evidenced")


def inbox_with_samples(root, samples):
    """ROOT/inbox holding copies of the named sample submissions; returns (inbox, ROOT/data)."""
    inbox = os.path.join(root, "inbox")
    os.makedirs(inbox)
    for name in samples:
        shutil.copytree(os.path.join(SAMPLES, name), os.path.join(inbox, name))
    return inbox, os.path.join(root, "data")


def sample_unit(sample):
    """The unit of a sample submission (code, name, level)."""
    with open(os.path.join(SAMPLES, sample, "submission.json"), encoding="utf-8") as f:
        return json.load(f)["unit"]


class LiveService:
    def __init__(self, daemon=True, stability_delay="0.5", environment=None):
        self.binary = evidenced_binary()
        self.root = tempfile.mkdtemp(prefix="evidenced-web-")
        self.inbox = os.path.join(self.root, "inbox")
        self.data = os.path.join(self.root, "data")
        self.db = os.path.join(self.data, "evidenced.sqlite")
        os.makedirs(self.inbox)
        os.makedirs(self.data)
        self.with_daemon = daemon
        self.env = dict({k: v for k, v in os.environ.items() if k != "EVIDENCED_BIN"}, EVIDENCED_WATCH_STABILITY_DELAY_SECONDS=stability_delay,
                        EVIDENCED_LOG_LEVEL=os.environ.get("EVIDENCED_LOG_LEVEL", "info"), OMP_THREAD_LIMIT="1",
                        **(environment or {}))
        self.processes = {}
        self.port = None

    # -- accounts ---------------------------------------------------------------------------------
    def evidenced(self, *args, check=True):
        result = subprocess.run([self.binary, *args], cwd=REPO, env=self.env, capture_output=True, text=True)
        if check and result.returncode != 0:
            raise RuntimeError(f"evidenced {' '.join(args)}: exit {result.returncode}\n{result.stderr}{result.stdout}")
        return result

    def add_user(self, name, role, unit=None, unit_name=None, level=None):
        """Creates an account; returns its one-time password (people) or API token (consumer)."""
        args = ["users", "add", name, "--role", role, "--db", self.db]
        if unit:
            args += ["--unit", unit]
        if unit_name:
            args += ["--unit-name", unit_name, "--level", level]
        out = self.evidenced(*args).stdout
        match = re.search(r"\(shown once\): (\S+)", out)
        assert match, f"users add printed no secret: {out!r}"
        return match.group(1)

    def add_sample_unit(self, name, sample):
        unit = sample_unit(sample)
        return self.add_user(name, "unit", unit=unit["code"], unit_name=unit["name"], level=unit["level"])

    def token(self, name):
        out = self.evidenced("users", "token", name, "--db", self.db).stdout
        return re.search(r"\(shown once\): (\S+)", out).group(1) if "shown once" in out else out.strip().split()[-1]

    # -- processes --------------------------------------------------------------------------------
    def run_once(self, *samples):
        """Copies samples into the inbox and lets the daemon check them (`run --once`), before serving."""
        for sample in samples:
            shutil.copytree(os.path.join(SAMPLES, sample), os.path.join(self.inbox, sample))
        self.evidenced("run", "--once", "--inbox", self.inbox, "--data", self.data)

    def _spawn(self, name, args):
        log = open(os.path.join(self.root, f"{name}.log"), "w")
        process = subprocess.Popen([self.binary, *args], cwd=REPO, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        self.processes[name] = (process, log)
        return process

    def start(self):
        if self.with_daemon:
            self._spawn("daemon", ["run", "--inbox", self.inbox, "--data", self.data])
        self._spawn("server", ["serve", "--inbox", self.inbox, "--data", self.data, "--listen", "127.0.0.1:0"])
        deadline = time.time() + 60
        log = os.path.join(self.root, "server.log")
        while time.time() < deadline:
            process = self.processes["server"][0]
            if process.poll() is not None:
                raise RuntimeError("evidenced serve exited:\n" + open(log, encoding="utf-8", errors="replace").read())
            match = re.search(r"http://127\.0\.0\.1:(\d+)/", open(log, encoding="utf-8", errors="replace").read())
            if match and match.group(1) != "0":
                self.port = int(match.group(1))
                break
            time.sleep(0.1)
        else:
            raise RuntimeError("evidenced serve did not start within 60 s")
        status, _ = self.get("/healthz")
        assert status == 200, f"/healthz answered {status}"
        return self

    def pid(self, name="server"):
        return self.processes[name][0].pid

    def stop(self):
        for name, (process, log) in self.processes.items():
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                    process.wait(timeout=10)
                except (subprocess.TimeoutExpired, ProcessLookupError):
                    try:
                        os.killpg(process.pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                    process.wait()
            log.close()

    def print_logs(self, lines=60):
        for name in self.processes:
            path = os.path.join(self.root, f"{name}.log")
            text = open(path, encoding="utf-8", errors="replace").read().splitlines()
            print(f"---- {name}.log (last {lines} lines) ----", file=sys.stderr)
            print("\n".join(text[-lines:]), file=sys.stderr)

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        self.stop()
        if kind is not None or os.environ.get("KEEP_LOGS"):
            self.print_logs()
        if os.environ.get("KEEP_LOGS"):
            print(f"kept {self.root}", file=sys.stderr)
        else:
            shutil.rmtree(self.root, ignore_errors=True)
        return False

    # -- HTTP -------------------------------------------------------------------------------------
    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path, token=None, timeout=10):
        """(status, body bytes) of a GET."""
        request = urllib.request.Request(self.url(path))
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def wait_for(self, predicate, timeout=120, interval=0.5, what="condition"):
        """Polls `predicate` until it is true. An element the page replaced or has not drawn yet (a
        form's submit reloading the page under a busy machine) is 'not yet', not a failure."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                value = predicate()
            except Exception as error:  # selenium's StaleElementReference / NoSuchElement, without importing selenium here
                if type(error).__name__ not in ("StaleElementReferenceException", "NoSuchElementException"):
                    raise
                value = None
            if value:
                return value
            time.sleep(interval)
        raise AssertionError(f"timed out after {timeout} s waiting for {what}")
