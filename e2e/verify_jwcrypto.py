"""Verifies decision tokens with jwcrypto, a library nobody here wrote.

Reads JSON lines {"token", "aud", "thumbprint"} on stdin; prints one line per token
and exits non-zero if any fails.
"""
import json
import sys

from jwcrypto import jwk, jws, jwt


def check(line):
    item = json.loads(line)
    token = item["token"]
    header = json.loads(jws.base64url_decode(token.split(".")[0]))
    key = jwk.JWK(**header["jwk"])
    assert not key.has_private, "the header must carry a public key only"
    assert header["typ"] == "consent-decision+jwt", header["typ"]
    verified = jwt.JWT(jwt=token, key=key, algs=["ES256"], check_claims={"aud": item["aud"]})
    claims = json.loads(verified.claims)
    assert key.thumbprint() == item["thumbprint"], "RFC 7638 thumbprints differ"
    return claims["choice"]


failed = 0
for line in sys.stdin:
    if not line.strip():
        continue
    try:
        print(f"jwcrypto ok: {check(line)}")
    except Exception as e:  # report every token, then fail
        failed += 1
        print(f"jwcrypto FAILED: {e!r}")
sys.exit(1 if failed else 0)
