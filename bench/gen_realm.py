#!/usr/bin/env python3
"""Writes a benchmark realm (users holding `api-key` credentials) and the matching key files.

Keys are minted offline in Latchkey's exact format (see ApiKeyFormat.java), so no server call is needed per key:

    lk_ + base62(0x01 | credential UUID | user UUID | secret[32]) as 88 digits
        + 6 base62 digits of CRC32("lk_" + body)

and each user carries the credentials Latchkey would have stored for them (secretData holds only SHA-256 of the
secret). Keycloak keeps the user and credential ids given in a realm import, which is what makes these keys valid.

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
"""
import base64
import hashlib
import json
import math
import os
import sys
import time
import uuid
import zlib

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
PAYLOAD_BYTES = 1 + 16 + 16 + 32
BODY_WIDTH = math.ceil(PAYLOAD_BYTES * 8 / (math.log(62) / math.log(2)))  # 88, as Base62.widthForBytes
CHECKSUM_WIDTH = 6
INVALID_KEYS = 10_000

SERVICE_CLIENT = "bench-service"
SERVICE_SECRET = "bench-service-secret"
LOGIN_CLIENT = "bench-app"
LOGIN_USER = "bench-login"
LOGIN_PASSWORD = "bench-login-password"
SCOPE_CLIENT = "inventory"
# What a scoped key may use: one of the owner's realm roles and one role of another client; the answer drops the rest.
SCOPE = ["reports", SCOPE_CLIENT + "/reader"]


def base62(value, width):
    digits = []
    for _ in range(width):
        value, rem = divmod(value, 62)
        digits.append(ALPHABET[rem])
    if value:
        raise ValueError("does not fit")
    return "".join(reversed(digits))


def key_text(credential_id, user_id, secret):
    payload = b"\x01" + credential_id.bytes + user_id.bytes + secret
    body = "lk_" + base62(int.from_bytes(payload, "big"), BODY_WIDTH)
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
            text = key_text(credential_id, user_id, secret)
            name = "key-%d" % k
            data = {"name": name, "expiresAt": expires_ms, "hint": text[:11]}
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
    write_keys(out, realm, "revoked", (key_text(uuid.uuid4(), user_ids[i % len(user_ids)], os.urandom(32))
                                       for i in range(invalid)))
    write_keys(out, realm, "nouser", (key_text(uuid.uuid4(), uuid.uuid4(), os.urandom(32)) for _ in range(invalid)))
    print("%s: %d keys (%d unscoped, %d scoped) for %d users (%d per user) generated in %.1f s"
          % (realm, len(interleaved) + sum(map(len, scoped)), len(interleaved), sum(map(len, scoped)), user_count,
             per_user, time.time() - started))


if __name__ == "__main__":
    main()
