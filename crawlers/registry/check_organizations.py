#!/usr/bin/env python3
"""Checks crawlers/registry/organizations.yaml.

Prints the number of entries, entries per country, every rule violation, and (for information)
which of the top Hugging Face authors by summed downloads in the recorded 700-model trending
fixture are not covered. Exit status 1 when there is any violation.

Usage: python3 crawlers/registry/check_organizations.py [path/to/organizations.yaml]
Needs PyYAML (python3-yaml).
"""
import collections
import json
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
REGISTRY = os.path.join(HERE, "organizations.yaml")
HF_FIXTURE = os.path.join(HERE, "..", "fixtures", "huggingface",
                          "api-models_trending_concat700_2024-12-11.json")

TYPES = {"big-tech", "startup", "academic", "state-lab", "non-profit", "community"}
ROLES = {"developer", "redistributor"}
HUBS = {"huggingface", "modelscope", "openrouter", "ollama"}
KEYS = {"id", "name", "countries", "type", "role", "parent", "namespaces", "evidence", "epoch_name"}
REQUIRED = {"id", "name", "countries", "type", "role", "namespaces", "evidence"}
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
URL_RE = re.compile(r"^https?://\S+$")
# ISO 3166-1 alpha-2 (officially assigned codes)
ISO = set("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW
BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI
FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN
IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF
PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE
YT ZA ZM ZW""".split())


def check(orgs):
    violations = []
    ids = collections.Counter(o.get("id") for o in orgs if isinstance(o, dict))
    for i, n in ids.items():
        if n > 1:
            violations.append(f"duplicate id: {i}")
    seen = {h: {} for h in HUBS}
    for o in orgs:
        if not isinstance(o, dict):
            violations.append(f"entry is not a mapping: {o!r}")
            continue
        oid = o.get("id", "<no id>")
        for k in REQUIRED - set(o):
            violations.append(f"{oid}: missing key '{k}'")
        for k in set(o) - KEYS:
            violations.append(f"{oid}: unknown key '{k}'")
        if not ID_RE.match(str(oid)):
            violations.append(f"{oid}: id is not lowercase kebab-case")
        if o.get("type") not in TYPES:
            violations.append(f"{oid}: unknown type {o.get('type')!r}")
        if o.get("role") not in ROLES:
            violations.append(f"{oid}: unknown role {o.get('role')!r}")
        if "parent" in o and o["parent"] not in ids:
            violations.append(f"{oid}: parent {o['parent']!r} not found")
        if o.get("parent") == oid:
            violations.append(f"{oid}: is its own parent")
        countries = o.get("countries") or []
        if not isinstance(countries, list) or not countries:
            violations.append(f"{oid}: countries must be a non-empty list")
            countries = []
        if len(set(countries)) != len(countries):
            violations.append(f"{oid}: repeated country code")
        evidence = o.get("evidence") or {}
        if not isinstance(evidence, dict):
            violations.append(f"{oid}: evidence must be a mapping country -> URL")
            evidence = {}
        for c in countries:
            if c not in ISO:
                violations.append(f"{oid}: invalid country code {c!r}")
            url = evidence.get(c)
            if not url:
                violations.append(f"{oid}: no evidence for country {c}")
            elif not URL_RE.match(str(url)):
                violations.append(f"{oid}: evidence for {c} is not a URL: {url!r}")
            elif "region:us" in str(url):
                violations.append(f"{oid}: region:us is never evidence")
        for c in set(evidence) - set(countries):
            violations.append(f"{oid}: evidence for {c} which is not among its countries")
        ns = o.get("namespaces") or {}
        if not isinstance(ns, dict) or not ns:
            violations.append(f"{oid}: namespaces must be a non-empty mapping")
            ns = {}
        for hub, names in ns.items():
            if hub not in HUBS:
                violations.append(f"{oid}: unknown hub {hub!r}")
                continue
            if not isinstance(names, list) or not names:
                violations.append(f"{oid}: namespaces.{hub} must be a non-empty list")
                continue
            for name in names:
                name = str(name)
                if name != name.strip() or not name:
                    violations.append(f"{oid}: bad {hub} namespace {name!r}")
                if name in seen[hub]:
                    violations.append(f"{hub} namespace {name!r} mapped twice: "
                                      f"{seen[hub][name]} and {oid}")
                else:
                    seen[hub][name] = oid
    # parent cycles
    parent = {o.get("id"): o.get("parent") for o in orgs if isinstance(o, dict)}
    for start in parent:
        cur, steps = start, 0
        while parent.get(cur) and steps <= len(parent):
            cur, steps = parent[cur], steps + 1
        if steps > len(parent):
            violations.append(f"{start}: parent chain has a cycle")
    return violations, seen


def uncovered_top_authors(seen, n=200):
    if not os.path.exists(HF_FIXTURE):
        return None
    with open(HF_FIXTURE, encoding="utf-8") as f:
        models = json.load(f)
    downloads = collections.Counter()
    for m in models:
        downloads[m["id"].split("/", 1)[0]] += m.get("downloads", 0)
    top = downloads.most_common(n)
    return [(a, d) for a, d in top if a not in seen["huggingface"]], len(top)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else REGISTRY
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    violations = []
    if doc.get("version") != 1:
        violations.append("version must be 1")
    orgs = doc.get("organizations") or []
    v, seen = check(orgs)
    violations += v

    print(f"entries: {len(orgs)}")
    per_country = collections.Counter(c for o in orgs if isinstance(o, dict)
                                      for c in (o.get("countries") or []))
    print("entries per country: " + ", ".join(f"{c} {n}" for c, n in per_country.most_common()))
    roles = collections.Counter(o.get("role") for o in orgs if isinstance(o, dict))
    print("roles: " + ", ".join(f"{r} {n}" for r, n in roles.most_common()))
    print("namespaces per hub: " + ", ".join(f"{h} {len(seen[h])}" for h in sorted(seen)))

    res = uncovered_top_authors(seen)
    if res is not None:
        missing, total = res
        print(f"\nnot covered among the top {total} HF authors by downloads "
              f"(recorded 2024-12-11 trending, 700 models) - {len(missing)}, "
              f"left out unless their base is established:")
        print("  " + ", ".join(f"{a} ({d})" for a, d in missing))

    print(f"\nviolations: {len(violations)}")
    for x in violations:
        print("  " + x)
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
