#!/usr/bin/env python3
"""Prints how complete the committed contracts are, and how many `any` the generated TypeScript exposes.

Run from the repository root after `./mvnw -B -pl api-clients -am install -DskipTests`:
    python3 api-clients/tools/contract_report.py
A check by hand (Python 3, no packages); the build itself needs only a JDK.
"""
import glob
import json
import re

SERVICES = ["identity", "transcript-service", "coding-service", "reporting-service"]


def contract(service):
    with open(f"{service}/src/main/openapi/openapi.json") as f:
        return json.load(f)


def operations(doc):
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method in ("get", "put", "post", "delete", "patch"):
                yield path, method, op


def typed(op):
    for code, response in op.get("responses", {}).items():
        if code.startswith("2") and code != "204":
            content = response.get("content", {})
            if not content or any(not media.get("schema") for media in content.values()):
                return False
    return True


def declares_problems(op):
    codes = [c for c in op.get("responses", {}) if c.startswith("4")]
    return bool(codes) and all("application/problem+json" in op["responses"][c].get("content", {}) for c in codes)


def public_any(root="api-clients/target/typescript"):
    """`any` in what a frontend sees: model properties, type aliases and API method signatures."""
    hits = []
    for name in glob.glob(root + "/*/src/**/*.ts", recursive=True):
        if name.endswith("runtime.ts"):
            continue
        for line in open(name):
            text = line.strip()
            if text.startswith(("*", "//")):
                continue
            if (re.match(r"^(readonly )?\w+\??: .*\bany\b", text) and not text.startswith("body:")) \
                    or (re.match(r"^async \w+\(", text) and re.search(r"\bany\b", text)) \
                    or re.match(r"^export type \w+ = .*\bany\b", text):
                hits.append((name, text))
    return hits


total = {"operations": 0, "operationId": 0, "typed 2xx": 0, "problems declared": 0}
for service in SERVICES:
    row = {"operations": 0, "operationId": 0, "typed 2xx": 0, "problems declared": 0}
    for _, _, op in operations(contract(service)):
        row["operations"] += 1
        row["operationId"] += 1 if op.get("operationId") else 0
        row["typed 2xx"] += 1 if typed(op) else 0
        row["problems declared"] += 1 if declares_problems(op) else 0
    for key in total:
        total[key] += row[key]
    print(f"{service:20} " + "  ".join(f"{k} {v}" for k, v in row.items()))
print(f"{'all':20} " + "  ".join(f"{k} {v}" for k, v in total.items()))
hits = public_any()
print(f"generated TypeScript: {len(hits)} public `any`")
for name, text in hits:
    print(f"  {name}: {text}")
