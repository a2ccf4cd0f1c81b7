#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR recording: hottest methods by own time and by inclusive time, per thread kind.

Usage: jfr_top.py RECORDING.jfr [TOP]
Uses `jfr print --events jdk.ExecutionSample --stack-depth 96` of the running JDK.
"""
import collections
import re
import shutil
import subprocess
import sys


def samples(path):
    jfr = shutil.which("jfr") or "jfr"
    out = subprocess.run([jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
                         capture_output=True, text=True, check=True).stdout
    thread, frames, in_stack = None, [], False
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("sampledThread"):
            m = re.search(r'"([^"]*)"', line)
            thread = m.group(1) if m else "?"
        elif line.startswith("stackTrace = ["):
            frames, in_stack = [], True
        elif in_stack and line == "]":
            in_stack = False
            yield thread, frames
        elif in_stack and line and line != "...":
            frames.append(re.sub(r"\s+line:.*$", "", line))


def thread_kind(name):
    name = re.sub(r"[-#]?\d+$", "", name or "?")
    return re.sub(r"-\d+", "", name)


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    own = collections.Counter()
    inclusive = collections.Counter()
    kinds = collections.Counter()
    buckets = collections.Counter()
    total = 0
    for thread, frames in samples(path):
        if not frames:
            continue
        total += 1
        kinds[thread_kind(thread)] += 1
        own[frames[0]] += 1
        for method in set(frames):
            inclusive[method] += 1
        text = "\n".join(frames)
        for bucket, marker in (("Latchkey validation (dev.latchkey.apikey.validation.ApiKeyValidator.check)", "ApiKeyValidator.check"),
                               ("Latchkey introspection answer (IntrospectionResponse.of)", "IntrospectionResponse.of"),
                               ("client authentication (AuthorizeClientUtil.authorizeClient)", "AuthorizeClientUtil.authorizeClient"),
                               ("Latchkey key parsing (ApiKeyFormat.parse)", "ApiKeyFormat.parse"),
                               ("JSON parse of stored credential (ApiKeyCredentialModel.from)", "ApiKeyCredentialModel.from"),
                               ("JSON response writing (jackson ... writeValue)", "ObjectMapper.writeValue"),
                               ("logging (org.jboss.logmanager)", "org.jboss.logmanager"),
                               ("Keycloak session/transaction (DefaultKeycloakSession)", "DefaultKeycloakSession"),
                               ("whole Latchkey resource (ApiKeyIntrospectionResource.introspect)", "ApiKeyIntrospectionResource.introspect")):
            if marker in text:
                buckets[bucket] += 1
    print("%d CPU samples" % total)
    print("\nBy thread kind:")
    for kind, n in kinds.most_common(8):
        print("  %5.1f%%  %s" % (100.0 * n / total, kind))
    print("\nSamples whose stack contains:")
    for bucket, n in buckets.most_common():
        print("  %5.1f%%  %s" % (100.0 * n / total, bucket))
    print("\nTop %d methods by own time (top frame):" % top)
    for method, n in own.most_common(top):
        print("  %5.1f%%  %s" % (100.0 * n / total, method))
    print("\nTop %d Keycloak/Latchkey methods by inclusive time:" % top)
    shown = 0
    for method, n in inclusive.most_common():
        if method.startswith(("org.keycloak.", "dev.latchkey.")):
            print("  %5.1f%%  %s" % (100.0 * n / total, method))
            shown += 1
            if shown == top:
                break


if __name__ == "__main__":
    main()
