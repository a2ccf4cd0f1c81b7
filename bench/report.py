#!/usr/bin/env python3
"""Prints the benchmark table and summary line, and writes bench/RESULTS.md (called by run.sh).

Usage: report.py RESULTS_TSV CREATION_TSV WARMUP_TSV RESULTS_MD   (run settings come from the environment)
"""
import collections
import datetime
import os
import platform
import re
import subprocess
import sys
from statistics import median

TARGETS = {
    "ceiling": "GET /realms/{realm} (ceiling)",
    "introspect": "token introspection, valid access token",
    "validate": "Latchkey, valid unscoped keys (all of the owner's roles; all users)",
    "scoped": "Latchkey, valid scoped keys (two of the owner's roles; the same users)",
    "badsum": "Latchkey, bad checksum",
    "forged": "Latchkey, forged key (valid checksum, random ids, made-up tag; never repeated)",
    "revoked": "Latchkey, unknown key of an existing user",
    "nouser": "Latchkey, unknown key naming no user",
    "floor": "floor: authenticated form POST to Latchkey without a key (400, by design)",
    "exchange": "token exchange (RFC 8693) of a valid key for an access token",
    "clientcredentials": "Keycloak's client-credentials grant, same client",
    "auth": "Latchkey proxy auth, valid unscoped keys (X-Api-Key, 200 with identity headers)",
    "proxied": "through nginx: auth_request to Latchkey, then the service (valid keys)",
    "direct": "through nginx: the same service without auth_request",
}
TARGET_MIN = {"validate/introspect": 3.0, "validate/ceiling": 0.5, "scale": 0.85, "scoped/unscoped": 0.95,
              "exchange/client_credentials": 0.8, "auth/ceiling": 0.75, "forged/badsum": 0.9}


def run(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_kb = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal"):
                mem_kb = int(line.split()[1])
    return "%s, %d cores, %.0f GB RAM, Linux %s" % (cpu, os.cpu_count(), mem_kb / 1024 / 1024, platform.release())


def main():
    results_tsv, creation_tsv, warmup_tsv, out = sys.argv[1:5]
    env = os.environ
    rows = [line.rstrip("\n").split("\t") for line in open(results_tsv) if line.strip()]
    creation = [line.rstrip("\n").split("\t") for line in open(creation_tsv) if line.strip()] \
        if os.path.exists(creation_tsv) else []
    warmup = [line.rstrip("\n").split("\t") for line in open(warmup_tsv) if line.strip()] \
        if os.path.exists(warmup_tsv) else []
    # One row per round, realm and target; the table shows medians over the rounds, errors and SQL summed.
    per_round = collections.defaultdict(dict)
    runs = collections.defaultdict(list)
    for rnd, realm, keys, target, rps, p50, p99, errors, socket_errors, sql_req, sql_all, load in rows:
        run_ = dict(realm=realm, keys=int(keys), target=target, rps=float(rps), p50=float(p50), p99=float(p99),
                    errors=int(errors) + int(socket_errors), sql_req=int(sql_req), sql_all=int(sql_all),
                    load=float(load.split()[0]))
        per_round[int(rnd)][(realm, target)] = run_
        runs[(realm, target)].append(run_)
    by = {}
    for key, rs in runs.items():
        by[key] = dict(realm=rs[0]["realm"], keys=rs[0]["keys"], target=rs[0]["target"], rounds=len(rs),
                       rps=median(r["rps"] for r in rs), p50=median(r["p50"] for r in rs),
                       p99=median(r["p99"] for r in rs), errors=sum(r["errors"] for r in rs),
                       sql_req=sum(r["sql_req"] for r in rs), sql_all=sum(r["sql_all"] for r in rs),
                       rps_all=[r["rps"] for r in rs],
                       load="%.1f-%.1f" % (min(r["load"] for r in rs), max(r["load"] for r in rs)))
    realms = sorted({r["realm"]: r["keys"] for r in by.values()}.items(), key=lambda kv: kv[1])
    small, large = realms[0][0], realms[-1][0]

    def ratio(a, b):
        return a / b if b else float("nan")

    def round_ratio(top, bottom, field="rps"):
        """Median over the rounds of top/bottom, each pair measured within the same round."""
        values = [ratio(r[top][field], r[bottom][field]) for r in per_round.values() if top in r and bottom in r]
        return median(values) if values else float("nan")

    vi = round_ratio((large, "validate"), (large, "introspect"))
    vc = round_ratio((large, "validate"), (large, "ceiling"))
    scale = round_ratio((large, "validate"), (small, "validate"))
    scale_label = "scale%s/%s" % (large.replace("bench-", ""), small.replace("bench-", ""))
    scoped = round_ratio((large, "scoped"), (large, "validate"))
    exchange = round_ratio((large, "exchange"), (large, "clientcredentials"))
    auth = round_ratio((large, "auth"), (large, "ceiling"))
    nginx = round_ratio((large, "proxied"), (large, "direct"))
    forged = round_ratio((large, "forged"), (large, "badsum"))
    summary = ("validate/introspect=%.2f validate/ceiling=%.2f %s=%.2f scoped/unscoped=%.2f "
               "exchange/client_credentials=%.2f auth/ceiling=%.2f nginx-auth/nginx-open=%.2f forged/badsum=%.2f"
               % (vi, vc, scale_label, scale, scoped, exchange, auth, nginx, forged))
    context = None
    if (large, "floor") in by:
        context = ("%s keys: validate/floor=%.2f floor/introspect=%.2f floor/ceiling=%.2f (floor = authenticated "
                   "form POST answered 400 before any lookup: the most validation could reach)"
                   % (format(realms[-1][1], ","), round_ratio((large, "validate"), (large, "floor")),
                      round_ratio((large, "floor"), (large, "introspect")),
                      round_ratio((large, "floor"), (large, "ceiling"))))

    table = ["| keys | target | requests/s (median) | each round | p50 ms | p99 ms | errors | SQL statements (request threads / all) | load (1 min) |",
             "|---:|---|---:|---|---:|---:|---:|---:|---|"]
    for realm, keys in realms:
        for target in TARGETS:
            r = by.get((realm, target))
            if r:
                table.append("| %s | %s | %.0f | %s | %.2f | %.2f | %d | %d / %d | %s |" % (
                    format(keys, ","), TARGETS[target], r["rps"], " ".join("%.0f" % x for x in r["rps_all"]),
                    r["p50"], r["p99"], r["errors"], r["sql_req"], r["sql_all"], r["load"]))

    checks = []
    for realm, keys in realms:
        n = format(keys, ",")
        checks.append(("validate/introspect >= 3.0 (%s keys)" % n,
                       round_ratio((realm, "validate"), (realm, "introspect")), 3.0, "min"))
        checks.append(("validate/ceiling >= 0.5 (%s keys)" % n,
                       round_ratio((realm, "validate"), (realm, "ceiling")), 0.5, "min"))
        checks.append(("validation p99 / ceiling p99 <= 2 (%s keys)" % n,
                       round_ratio((realm, "validate"), (realm, "ceiling"), "p99"), 2.0, "max"))
        checks.append(("scoped/unscoped >= 0.95 (%s keys)" % n,
                       round_ratio((realm, "scoped"), (realm, "validate")), 0.95, "min"))
        checks.append(("exchange/client_credentials >= 0.8 (%s keys)" % n,
                       round_ratio((realm, "exchange"), (realm, "clientcredentials")), 0.8, "min"))
        checks.append(("auth/ceiling >= 0.75 (%s keys)" % n,
                       round_ratio((realm, "auth"), (realm, "ceiling")), 0.75, "min"))
        checks.append(("forged/badsum >= 0.9 (%s keys)" % n,
                       round_ratio((realm, "forged"), (realm, "badsum")), 0.9, "min"))
        checks.append(("SQL statements of forged keys (request threads) = 0 (%s keys)" % n,
                       by[(realm, "forged")]["sql_req"], 0, "max"))
        checks.append(("SQL statements of warm validation (request threads) = 0 (%s keys)" % n,
                       by[(realm, "validate")]["sql_req"] + by[(realm, "scoped")]["sql_req"]
                       + by[(realm, "auth")]["sql_req"], 0, "max"))
        checks.append(("errors in validation runs = 0 (%s keys)" % n,
                       sum(by[(realm, t)]["errors"] for t in ("validate", "scoped", "badsum", "forged", "revoked", "nouser", "auth")),
                       0, "max"))
    checks.append(("%s >= 0.85" % scale_label, scale, 0.85, "min"))
    checks.append(("errors through nginx = 0 (%s keys)" % format(realms[-1][1], ","),
                   sum(by[(large, t)]["errors"] for t in ("proxied", "direct") if (large, t) in by), 0, "max"))
    verdicts = []
    for name, value, bound, kind in checks:
        ok = value >= bound if kind == "min" else value <= bound
        shown = ("%.2f" % value) if isinstance(value, float) else str(value)
        verdicts.append("| %s | %s | %s |" % (name, shown, "met" if ok else "**missed**"))

    # Console
    print()
    print("%-8s %-11s %10s %8s %8s %7s %s" % ("keys", "target", "req/s", "p50 ms", "p99 ms", "errors",
                                              "SQL (request threads/all)"))
    for realm, keys in realms:
        for target in TARGETS:
            r = by.get((realm, target))
            if r:
                print("%-8s %-11s %10.0f %8.2f %8.2f %7d %d/%d" % (
                    format(keys, ","), target, r["rps"], r["p50"], r["p99"], r["errors"], r["sql_req"], r["sql_all"]))
    print()
    for line in verdicts:
        print("  " + line.strip("|").replace(" | ", ": ", 1).replace(" | ", " -> "))
    print()
    if context:
        print(context)
    print(summary)

    java_version = re.search(r"java\.runtime\.version = (\S+)", run_java_props())
    repo = os.path.dirname(os.path.dirname(os.path.abspath(out)))
    git = run("git", "-C", repo, "rev-parse", "--short", "HEAD")
    dirty = run("git", "-C", repo, "status", "--porcelain", "--", "providers/src", "themes/src")
    wrk_version = run("sh", "-c", "wrk --version 2>&1 | head -n 1").split(" Copyright")[0]
    quick = env.get("QUICK") == "true"

    md = []
    md.append("# Latchkey benchmark results")
    md.append("")
    md.append("Written by `bench/run.sh` (do not edit by hand; the analysis is in [ANALYSIS.md](ANALYSIS.md)).")
    if quick:
        md.append("")
        md.append("**This was a `--quick` run: 5-second targets, figures are rough.**")
    md.append("")
    md.append("```")
    md.append(summary)
    md.append("```")
    md.append("")
    md.append("| | |")
    md.append("|---|---|")
    md.append("| date | %s |" % datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))
    md.append("| command | `%s` |" % env.get("COMMAND", "bench/run.sh").strip())
    md.append("| machine | %s |" % machine())
    md.append("| Keycloak | %s, `kc.sh build --db=dev-file --features=declarative-ui`, `kc.sh start --optimized "
              "--http-enabled=true --hostname-strict=false` (production mode, default `ispn` cache with `jdbc-ping`, "
              "one node), HTTP on 127.0.0.1, H2 file database, heap `%s`, users cache %s entries "
              "(`--cache-embedded-users-max-count`; default 10,000) |"
              % (env.get("KEYCLOAK_VERSION"), env.get("HEAP"), env.get("USERS_CACHE")))
    md.append("| Latchkey settings | realm: API keys enabled, role `api-access`; server: last-used flush %s s, granularity "
              "%s s (defaults 60 s and 3600 s; see ANALYSIS.md) |"
              % (env.get("FLUSH_SECONDS"), env.get("GRANULARITY_SECONDS")))
    md.append("| Java | %s |" % (java_version.group(1) if java_version else "?"))
    md.append("| Latchkey | %s, commit %s%s |" % (env.get("LATCHKEY_VERSION"), git,
                                                  " + uncommitted changes in providers/src or themes/src" if dirty else ""))
    md.append("| load generator | %s on the same machine: %s threads, %s connections, keep-alive; per target %s s "
              "of warm-up, then %s rounds of %s s (a round measures every target on every realm in turn) |"
              % (wrk_version, env.get("THREADS"), env.get("CONNECTIONS"), env.get("WARMUP"), env.get("ROUNDS"),
                 env.get("ROUND_SECONDS")))
    md.append("| keys | %s per user, every other one scoped to two of the owner's roles, interleaved so that consecutive requests name different users; wrk walks the "
              "key file in order, so a run of N requests uses min(N, all) different keys |" % env.get("KEYS_PER_USER"))
    md.append("")
    md.append("## Results")
    md.append("")
    md.extend(table)
    md.append("")
    md.append("Errors are non-2xx answers, socket errors and bodies without the expected `\"active\":true` "
              "(valid keys, valid token; for scoped keys the answer's two roles) or `\"active\":false` (invalid keys); "
              "wrk's Lua script checks every body.")
    md.append("requests/s, p50 and p99 are medians over the rounds; errors and SQL statements are summed over them. "
              "Each ratio is the median over the rounds of the ratio within a round (figures taken minutes apart on "
              "a shared machine are not comparable; figures taken seconds apart are). The summary line's "
              "validate/introspect, validate/ceiling and scoped/unscoped (scoped/validate) are those of the %s-key "
              "realm." % format(realms[-1][1], ","))
    md.append("")
    if context:
        md.append("")
        md.append("Context: " + context + ".")
    md.append("")
    md.append("## Targets")
    md.append("")
    md.append("| target | measured | |")
    md.append("|---|---:|---|")
    md.extend(verdicts)
    md.append("")
    md.append("## Database access during warm validation")
    md.append("")
    md.append("Keycloak runs with `--log-level=INFO,org.hibernate.SQL:debug`, so Hibernate logs every SQL statement "
              "it sends. The script counts the `org.hibernate.SQL` lines the server log gained during each measured "
              "run (by byte offset, console log without rotation): first those logged on request threads "
              "(`executor-thread-*`), then all. Before measuring, validation is warmed up by walking all keys until "
              "a full walk, and the last-use flush after it, logs no statement; the walks before that do log "
              "statements (users loaded into the cache, `lastUsedAt` written), which shows the counter works.")
    md.append("")
    for realm, keys in realms:
        v = by[(realm, "validate")]
        requests = sum(r["rps"] for r in runs[(realm, "validate")]) * float(env.get("ROUND_SECONDS", "0"))
        md.append("- %s keys: **%d** statements on request threads during %s x %s s of valid-key validation "
                  "(about %s requests); %d on any thread." % (format(keys, ","), v["sql_req"], env.get("ROUNDS"),
                                                              env.get("ROUND_SECONDS"), format(round(requests), ","),
                                                              v["sql_all"]))
    md.append("")
    if warmup:
        md.append("Warm-up walks over all keys (statements include the last-use writes made after each walk):")
        md.append("")
        md.append("| realm | walk | validations | SQL on request threads | SQL in all |")
        md.append("|---|---:|---:|---:|---:|")
        for realm, cycle, sent, on_requests, total in warmup:
            md.append("| %s | %s | %s | %s | %s |" % (realm, cycle, format(int(sent), ","),
                                                     format(int(on_requests), ","), format(int(total), ",")))
        md.append("")
    md.append("Statements on other threads come from Keycloak's own background jobs (e.g. `user-session-purge-expired` "
              "every few minutes), not from requests. A key naming a user that does not exist costs one user lookup "
              "in the database per request (Keycloak's user cache does not remember misses): see the \"no user\" rows.")
    md.append("")
    if creation:
        md.append("## Creating the keys")
        md.append("")
        md.append("Keys are minted offline (`bench/gen_realm.py`, Latchkey's exact format; only SHA-256 of each "
                  "secret is stored) and imported with their users by `kc.sh import` (a realm import keeps the user "
                  "and credential ids, which the keys embed).")
        md.append("")
        md.append("| realm | keys | users | generate s | import s (Keycloak log) | whole `kc.sh import` s | load |")
        md.append("|---|---:|---:|---:|---:|---:|---|")
        for realm, keys, users, gen, imp, whole, load in creation:
            md.append("| %s | %s | %s | %s | %s | %s | %s |" % (realm, format(int(keys), ","), format(int(users), ","),
                                                            gen, imp, whole, load))
        md.append("")
    with open(out, "w") as f:
        f.write("\n".join(md) + "\n")
    print("Wrote %s" % out)


def run_java_props():
    try:
        return subprocess.run(["java", "-XshowSettings:properties", "-version"], capture_output=True, text=True,
                              timeout=30).stderr
    except (OSError, subprocess.SubprocessError):
        return ""


if __name__ == "__main__":
    main()
