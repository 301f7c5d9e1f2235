#!/usr/bin/env python3
"""The server and its OpenAPI document agree: schemathesis (PyPI) generates requests from
/api/openapi.yaml against a live server holding a few checked samples, and checks every answer:
no server error, a status code the document lists, its content type, and its body's schema.

It runs once with an admin's token (every route, the queue included) and once with a unit's
(its own submissions; other ids answer 404, which the document lists).
"""
import hashlib
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webharness import REPO, SAMPLES as SAMPLE_DIR, LiveService  # noqa: E402

SAMPLES = ["bato-huyen-2024", "binhson-huyen-2024", "ducpho-thixa-2024"]
FRAMEWORK = "thanhhoa-dti-district-2021"
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
EXAMPLES = os.environ.get("SCHEMA_EXAMPLES", "15")


def schemathesis(live, token, label, parameters):
    """One run; `parameters` fixes path parameters to ids that exist (generated ones only find 404s)."""
    config = os.path.join(live.root, f"schemathesis-{label}.toml")
    with open(config, "w", encoding="utf-8") as f:
        f.write("[parameters]\n" + "".join(f'"{k if "." in k else "path." + k}" = "{v}"\n' for k, v in parameters.items()))
    report = os.path.join(REPO, ".build", "artefacts", f"schemathesis-{label}.xml")
    os.makedirs(os.path.dirname(report), exist_ok=True)
    command = [sys.executable, "-m", "schemathesis.cli", "--config-file", config, "run", live.url("/api/openapi.yaml"),
               "--checks", CHECKS, "--header", f"Authorization: Bearer {token}",
               "--max-examples", EXAMPLES, "--phases", "examples,coverage,fuzzing", "--seed", "14",
               "--workers", "1", "--generation-database", "none", "--request-timeout", "10", "--max-time", "15", "--no-shrink",
               "--report", "junit", "--report-junit-path", report]
    started = time.time()
    # In the temporary folder: schemathesis keeps a .schemathesis/ cache in its working directory.
    result = subprocess.run(command, cwd=live.root, capture_output=True, text=True,
                            env=dict(os.environ, SCHEMATHESIS_HOOKS="", NO_COLOR="1"))
    print(result.stdout[-6000:])
    if result.returncode != 0:
        print(result.stderr[-3000:], file=sys.stderr)
    print(f"schemathesis ({label}): exit {result.returncode} in {time.time() - started:.1f} s")
    return result.returncode


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def first_pdf(sample):
    return sorted(name for name in os.listdir(os.path.join(SAMPLE_DIR, sample)) if name.endswith(".pdf"))[0]


def main():
    with LiveService(daemon=False) as live:
        live.run_once(*SAMPLES)
        live.add_user("admin", "admin")
        admin_token = live.token("admin")
        live.add_sample_unit("bato", SAMPLES[0])
        unit_token = live.token("bato")
        live.start()
        # The admin sees a sample's submission and document; the unit (H-BATO) asks for another unit's.
        # The scores: the samples' framework, and a unit's code (the unit asks for another unit's).
        own = {"id": SAMPLES[0], "sha256": sha256(os.path.join(SAMPLE_DIR, SAMPLES[0], "kh-12-cntt-2024.pdf")),
               "query.framework": FRAMEWORK, "query.unit": "H-BATO"}
        other = {"id": SAMPLES[1], "sha256": sha256(os.path.join(SAMPLE_DIR, SAMPLES[1], first_pdf(SAMPLES[1]))),
                 "query.framework": FRAMEWORK, "query.unit": "H-BINHSON"}
        failures = [label for label, token, parameters in (("admin", admin_token, own), ("unit", unit_token, other))
                    if schemathesis(live, token, label, parameters) != 0]
        status, _ = live.get("/healthz")
        assert status == 200, f"/healthz after the runs: {status}"
    if failures:
        sys.exit(f"the server and /api/openapi.yaml disagree ({', '.join(failures)}): see above")
    print("api schema test: ok")


if __name__ == "__main__":
    main()
