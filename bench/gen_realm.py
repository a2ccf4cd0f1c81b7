#!/usr/bin/env python3
"""Writes a benchmark realm (users holding `api-key` credentials) and the matching key files.

Keys are minted offline in Latchkey's exact format (see ApiKeyFormat.java), so no server call is needed per key:

    lk_ + base62(0x03 | credential UUID | user UUID | secret[32] | tag[16]) as 109 digits
        + 6 base62 digits of CRC32("lk_" + body)
    tag = HMAC-SHA256(realm's MAC secret, everything before it)[:16]

with the realm's MAC secret made here and given to the realm (its internal component of type MAC_COMPONENT_TYPE, as
`kc.sh export` writes it), and each user
carries the credentials Latchkey would have stored for them (secretData holds only SHA-256 of the secret). Keycloak
keeps the user and credential ids given in a realm import, which is what makes these keys valid.

Every user holds the same roles (api-access, reports, billing, inventory/reader, inventory/writer and the realm's
defaults); every other key of a user is scoped to SCOPE (its credentialData carries "roles", as Latchkey stores a key
made with "roles"), so scoped and unscoped keys belong to the same users and are measured on the same cache entries.

Usage: gen_realm.py REALM KEYS KEYS_PER_USER OUT_DIR
Writes OUT_DIR/REALM-realm.json and key files, one key a line:
  REALM-valid.keys    every unscoped key of the realm, users interleaved (consecutive keys belong to different users)
  REALM-scoped.keys   every scoped key, interleaved the same way
  REALM-all.keys      both, interleaved: the warm-up walks it to load every owner and record every key's first use
  REALM-badsum.keys   valid keys with the last checksum digit changed (refused before any lookup)
  REALM-revoked.keys  well-formed keys of existing users whose credential does not exist (a deleted key)
  REALM-nouser.keys   well-formed keys naming a user that does not exist
  REALM-forged.keys   FORGED_KEYS keys anyone can compute: valid checksum, random ids, a made-up tag (never repeated
                      within a run: more keys than a run sends)
"""
import base64
import hashlib
import hmac
import json
import math
import os
import random
import sys
import time
import uuid
import zlib

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
TAG_BYTES = 16
PAYLOAD_BYTES = 1 + 16 + 16 + 32 + TAG_BYTES
BODY_WIDTH = math.ceil(PAYLOAD_BYTES * 8 / (math.log(62) / math.log(2)))  # 109, as Base62.widthForBytes
CHECKSUM_WIDTH = 6
INVALID_KEYS = 10_000
# More than any run sends to one realm (a 10 s round at 20,000 requests/s is 200,000), so no forged key repeats.
FORGED_KEYS = int(os.environ.get("FORGED_KEYS", "400000"))
MAC_COMPONENT_TYPE = "dev.latchkey.apikey.signing.RealmKeyMacSecret"

SERVICE_CLIENT = "bench-service"
SERVICE_SECRET = "bench-service-secret"
LOGIN_CLIENT = "bench-app"
LOGIN_USER = "bench-login"
LOGIN_PASSWORD = "bench-login-password"
SCOPE_CLIENT = "inventory"
# What a scoped key may use: one of the owner's realm roles and one role of another client; the answer drops the rest.
SCOPE = ["reports", SCOPE_CLIENT + "/reader"]


CHUNK = 62 ** 10


def base62(value, width):
    # ten digits per big-number division: the forged key file holds hundreds of thousands of keys
    chunks = []
    for _ in range(0, width, 10):
        value, rem = divmod(value, CHUNK)
        chunks.append(rem)
    if value:
        raise ValueError("does not fit")
    digits = []
    for rem in chunks:
        for _ in range(10):
            rem, d = divmod(rem, 62)
            digits.append(ALPHABET[d])
    if any(c != "0" for c in digits[width:]):
        raise ValueError("does not fit")
    return "".join(reversed(digits[:width]))


def encode(payload):
    body = "lk_" + base62(int.from_bytes(payload, "big"), BODY_WIDTH)
    return body + base62(zlib.crc32(body.encode("ascii")), CHECKSUM_WIDTH)


def key_text(mac_secret, credential_id, user_id, secret):
    signed = b"\x03" + credential_id.bytes + user_id.bytes + secret
    return encode(signed + hmac.new(mac_secret, signed, hashlib.sha256).digest()[:TAG_BYTES])


# A forged key is "lk_", 109 base62 digits whose value is a version-3 payload (first byte 3, so the ids, secret and tag
# are random), and the checksum. Drawing the digits is much faster than encoding random bytes, and the file is large:
# the first digit is 0 and the second one of those that keep the value within [3 * 256^80, 4 * 256^80).
_LOW, _HIGH = 3 << (8 * (PAYLOAD_BYTES - 1)), 4 << (8 * (PAYLOAD_BYTES - 1))
assert _HIGH <= 62 ** (BODY_WIDTH - 1)
_SECOND = [ALPHABET[d] for d in range(62)
           if _LOW <= d * 62 ** (BODY_WIDTH - 2) and (d + 1) * 62 ** (BODY_WIDTH - 2) <= _HIGH]
_random = random.Random(os.urandom(16))  # benchmark data: any well-spread ids do


def forged_text():
    body = "lk_0" + _random.choice(_SECOND) + "".join(_random.choices(ALPHABET, k=BODY_WIDTH - 2))
    return body + base62(zlib.crc32(body.encode("ascii")), CHECKSUM_WIDTH)


def bad_checksum(text):
    last = text[-1]
    return text[:-1] + ALPHABET[(ALPHABET.index(last) + 1) % 62]


def write_keys(out, realm, kind, texts):
    with open(os.path.join(out, "%s-%s.keys" % (realm, kind)), "w") as f:
        f.write("\n".join(texts) + "\n")


def main():
    realm, keys, per_user, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    started = time.time()
    mac_secret = os.urandom(32)
    now_ms = int(started * 1000)
    expires_ms = now_ms + 90 * 24 * 3600 * 1000
    users = []
    valid = []
    scoped = []
    user_count = math.ceil(keys / per_user)
    for u in range(user_count):
        user_id = uuid.uuid4()
        credentials = []
        keys_of_user = []
        scoped_of_user = []
        for k in range(min(per_user, keys - u * per_user)):
            credential_id = uuid.uuid4()
            secret = os.urandom(32)
            text = key_text(mac_secret, credential_id, user_id, secret)
            name = "key-%d" % k
            data = {"name": name, "expiresAt": expires_ms, "hint": text[:11], "signed": True}
            if k % 2:
                data["roles"] = SCOPE
                scoped_of_user.append(text)
            else:
                keys_of_user.append(text)
            credentials.append({
                "id": str(credential_id),
                "type": "api-key",
                "userLabel": name,
                "createdDate": now_ms,
                "credentialData": json.dumps(data, separators=(",", ":")),
                "secretData": json.dumps({"algorithm": "SHA-256",
                                          "hash": base64.b64encode(hashlib.sha256(secret).digest()).decode()},
                                         separators=(",", ":")),
            })
        valid.append(keys_of_user)
        scoped.append(scoped_of_user)
        users.append({
            "id": str(user_id),
            "username": "user-%06d" % u,
            "email": "user-%06d@bench.example" % u,
            "emailVerified": True,
            "firstName": "Bench",
            "lastName": "User %d" % u,
            "enabled": True,
            "realmRoles": ["api-access", "reports", "billing", "default-roles-%s" % realm],
            "clientRoles": {SCOPE_CLIENT: ["reader", "writer"]},
            "credentials": credentials,
        })
    users.append({
        "username": LOGIN_USER,
        "email": LOGIN_USER + "@bench.example",
        "emailVerified": True,
        "firstName": "Bench",
        "lastName": "Login",
        "enabled": True,
        "realmRoles": ["default-roles-%s" % realm],
        "credentials": [{"type": "password", "value": LOGIN_PASSWORD, "temporary": False}],
    })

    day = 24 * 3600
    representation = {
        "realm": realm,
        "enabled": True,
        # Long enough that the token used for the introspection target stays valid for a whole run.
        "accessTokenLifespan": day,
        "ssoSessionIdleTimeout": day,
        "ssoSessionMaxLifespan": day,
        "attributes": {"latchkey.apiKeys.enabled": "true", "latchkey.apiKeys.maxKeysPerUser": str(max(100, per_user)),
                       "latchkey.apiKeys.proxyAuth": "true"},
        "components": {MAC_COMPONENT_TYPE: [{"name": "Latchkey API-key tag secret", "providerId": "latchkey-key-mac",
                                             "subComponents": {},
                                             "config": {"secret": [base64.b64encode(mac_secret).decode()]}}]},
        "roles": {
            "realm": [{"name": "api-access", "description": "May use API keys"},
                      {"name": "reports", "description": "Reads reports"},
                      {"name": "billing", "description": "Bills customers"}],
            "client": {SCOPE_CLIENT: [{"name": "reader"}, {"name": "writer"}]},
        },
        "clients": [
            {"clientId": SCOPE_CLIENT, "enabled": True, "publicClient": False, "standardFlowEnabled": False},
            {
                "clientId": SERVICE_CLIENT,
                "enabled": True,
                "publicClient": False,
                "clientAuthenticatorType": "client-secret",
                "secret": SERVICE_SECRET,
                "standardFlowEnabled": False,
                "directAccessGrantsEnabled": False,
                "serviceAccountsEnabled": True,
                # the exchange target: Keycloak's rule for who may exchange tokens, which Latchkey's exchange follows
                "attributes": {"standard.token.exchange.enabled": "true"},
            },
            {
                "clientId": LOGIN_CLIENT,
                "enabled": True,
                "publicClient": True,
                "standardFlowEnabled": False,
                "directAccessGrantsEnabled": True,
                "protocolMappers": [{
                    # Keycloak 26.7 introspects a token only for a client in its audience.
                    "name": "audience " + SERVICE_CLIENT,
                    "protocol": "openid-connect",
                    "protocolMapper": "oidc-audience-mapper",
                    "config": {"included.client.audience": SERVICE_CLIENT, "access.token.claim": "true",
                               "id.token.claim": "false", "introspection.token.claim": "true"},
                }],
            },
        ],
        "users": users,
    }
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, realm + "-realm.json"), "w") as f:
        json.dump(representation, f, separators=(",", ":"))
    # Round-robin over users, so that a run walks through all users instead of one user's keys at a time.
    def interleave(keys_by_user):
        return [by_user[i] for i in range(per_user) for by_user in keys_by_user if i < len(by_user)]
    interleaved = interleave(valid)
    invalid = min(INVALID_KEYS, len(interleaved))
    user_ids = [uuid.UUID(u["id"]) for u in users if "id" in u]
    write_keys(out, realm, "valid", interleaved)
    write_keys(out, realm, "scoped", interleave(scoped))
    write_keys(out, realm, "all", interleave([v + s for v, s in zip(valid, scoped)]))
    write_keys(out, realm, "badsum", (bad_checksum(t) for t in interleaved[:invalid]))
    write_keys(out, realm, "revoked", (key_text(mac_secret, uuid.uuid4(), user_ids[i % len(user_ids)], os.urandom(32))
                                       for i in range(invalid)))
    write_keys(out, realm, "nouser", (key_text(mac_secret, uuid.uuid4(), uuid.uuid4(), os.urandom(32))
                                      for _ in range(invalid)))
    write_keys(out, realm, "forged", (forged_text() for _ in range(FORGED_KEYS)))
    print("%s: %d keys (%d unscoped, %d scoped) for %d users (%d per user) generated in %.1f s"
          % (realm, len(interleaved) + sum(map(len, scoped)), len(interleaved), sum(map(len, scoped)), user_count,
             per_user, time.time() - started))


if __name__ == "__main__":
    main()
