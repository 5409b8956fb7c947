#!/usr/bin/env python3
"""Legacy password hashes made with Python's hashlib, following each project's documented algorithm.

Used by generate.sh for the formats that have no command-line tool here. Every function writes one hash to stdout.

  legacy_hashes.py pbkdf2-passlib SHA PASSWORD ITERATIONS   passlib's $pbkdf2-sha256$ (adapted base64)
  legacy_hashes.py pbkdf2-phc SHA PASSWORD ITERATIONS       PHC string format $pbkdf2-sha256$i=N,l=32$
  legacy_hashes.py django SHA PASSWORD ITERATIONS            Django PBKDF2PasswordHasher / PBKDF2SHA1PasswordHasher
  legacy_hashes.py scrypt-phc PASSWORD LOG2N R P             passlib's $scrypt$ln=..,r=..,p=..$
  legacy_hashes.py phpass P|H PASSWORD LOG2COUNT             phpass crypt_private (WordPress $P$, phpBB $H$)
  legacy_hashes.py aspnet-v2 PASSWORD                        ASP.NET Identity PasswordHasher, V2 format
  legacy_hashes.py aspnet-v3 SHA PASSWORD ITERATIONS         ASP.NET Identity PasswordHasher, V3 format
"""
import base64
import hashlib
import os
import secrets
import struct
import sys


def b64(data):
    return base64.b64encode(data).decode()


def b64_unpadded(data):
    return b64(data).rstrip("=")


def ab64(data):
    # passlib's "adapted base64": standard alphabet with '.' for '+', no padding
    return b64_unpadded(data).replace("+", ".")


def pbkdf2_passlib(sha, password, iterations):
    salt = os.urandom(16)
    key = hashlib.pbkdf2_hmac(sha, password.encode(), salt, int(iterations))
    name = "pbkdf2" if sha == "sha1" else "pbkdf2-" + sha
    return "$%s$%s$%s$%s" % (name, iterations, ab64(salt), ab64(key))


def pbkdf2_phc(sha, password, iterations):
    salt = os.urandom(16)
    key = hashlib.pbkdf2_hmac(sha, password.encode(), salt, int(iterations), 32)
    return "$pbkdf2-%s$i=%s,l=32$%s$%s" % (sha, iterations, b64_unpadded(salt), b64_unpadded(key))


def django(sha, password, iterations):
    # django.contrib.auth.hashers.PBKDF2PasswordHasher: salt is text, hash is standard base64
    salt = secrets.token_urlsafe(16)[:22]
    key = hashlib.pbkdf2_hmac(sha, password.encode(), salt.encode(), int(iterations))
    return "pbkdf2_%s$%s$%s$%s" % (sha, iterations, salt, b64(key))


def scrypt_phc(password, log2n, r, p):
    salt = os.urandom(16)
    key = hashlib.scrypt(password.encode(), salt=salt, n=1 << int(log2n), r=int(r), p=int(p), dklen=32)
    return "$scrypt$ln=%s,r=%s,p=%s$%s$%s" % (log2n, r, p, ab64(salt), ab64(key))


ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def phpass_encode64(data, count):
    out, i = "", 0
    while True:
        value = data[i]
        i += 1
        out += ITOA64[value & 0x3F]
        if i < count:
            value |= data[i] << 8
        out += ITOA64[(value >> 6) & 0x3F]
        if i >= count:
            break
        i += 1
        if i < count:
            value |= data[i] << 16
        out += ITOA64[(value >> 12) & 0x3F]
        if i >= count:
            break
        i += 1
        out += ITOA64[(value >> 18) & 0x3F]
        if i >= count:
            break
    return out


def phpass(marker, password, log2count):
    salt = phpass_encode64(os.urandom(6), 6)
    digest = hashlib.md5(salt.encode() + password.encode()).digest()
    for _ in range(1 << int(log2count)):
        digest = hashlib.md5(digest + password.encode()).digest()
    return "$%s$%s%s%s" % (marker, ITOA64[int(log2count)], salt, phpass_encode64(digest, 16))


def aspnet_v2(password):
    salt = os.urandom(16)
    subkey = hashlib.pbkdf2_hmac("sha1", password.encode(), salt, 1000, 32)
    return b64(b"\x00" + salt + subkey)


def aspnet_v3(sha, password, iterations):
    prf = {"sha1": 0, "sha256": 1, "sha512": 2}[sha]
    salt = os.urandom(16)
    subkey = hashlib.pbkdf2_hmac(sha, password.encode(), salt, int(iterations), 32)
    return b64(b"\x01" + struct.pack(">III", prf, int(iterations), len(salt)) + salt + subkey)


if __name__ == "__main__":
    functions = {"pbkdf2-passlib": pbkdf2_passlib, "pbkdf2-phc": pbkdf2_phc, "django": django,
                 "scrypt-phc": scrypt_phc, "phpass": phpass, "aspnet-v2": aspnet_v2, "aspnet-v3": aspnet_v3}
    print(functions[sys.argv[1]](*sys.argv[2:]))
