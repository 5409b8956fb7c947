#!/usr/bin/env python3
"""Writes custom-password-hash.json: Auth0 import rows whose hashes are made by independent tools (Python's hashlib
and hmac, OpenSSL), never by Signet. Run from this directory: python3 generate.py > custom-password-hash.json
Each vector: the password, a user object as the import file holds it, and the command or call that made the hash."""
import base64, hashlib, hmac, json, os, subprocess

def b64(data): return base64.b64encode(data).decode()
def b64nopad(data): return b64(data).rstrip("=")
def openssl(*args, data):
    return subprocess.run(["openssl", *args], input=data, capture_output=True, check=True).stdout.decode().strip()

vectors = []
def add(name, password, command, **user):
    vectors.append({"name": name, "password": password, "command": command,
                    "user": {"email": name + "@vectors.signet.test", "user_id": "vector|" + name, **user}})

def custom(algorithm, value, encoding=None, salt=None, password_encoding=None, **extra):
    hash_ = {"value": value}
    if encoding: hash_["encoding"] = encoding
    if salt: hash_["salt"] = salt
    hash_.update(extra)
    c = {"algorithm": algorithm, "hash": hash_}
    if password_encoding: c["password"] = {"encoding": password_encoding}
    return c

pw = "correct horse battery staple"
salt = os.urandom(12).hex()

# md4: OpenSSL's legacy provider (Python's hashlib on OpenSSL 3 has no MD4).
md4 = openssl("dgst", "-md4", "-provider", "legacy", "-provider", "default", "-r", data=pw.encode()).split()[0]
add("md4-hex", pw, "openssl dgst -md4 -provider legacy", custom_password_hash=custom("md4", md4, "hex"))
add("md5-hex", pw, "hashlib.md5(password)", custom_password_hash=custom("md5", hashlib.md5(pw.encode()).hexdigest(), "hex"))
add("md5-salt-prefix", pw, "openssl dgst -md5 of salt+password",
    custom_password_hash=custom("md5", openssl("dgst", "-md5", "-r", data=(salt + pw).encode()).split()[0], "hex",
                                {"value": salt, "encoding": "utf8", "position": "prefix"}))
s1 = os.urandom(16)
add("sha1-base64-salt-suffix", pw, "hashlib.sha1(password + salt bytes)",
    custom_password_hash=custom("sha1", b64(hashlib.sha1(pw.encode() + s1).digest()), "base64",
                                {"value": b64(s1), "encoding": "base64", "position": "suffix"}))
add("sha256-salt-prefix", pw, "openssl dgst -sha256 of salt+password",
    custom_password_hash=custom("sha256", openssl("dgst", "-sha256", "-r", data=(salt + pw).encode()).split()[0], "hex",
                                {"value": salt, "encoding": "utf8", "position": "prefix"}))
s2 = os.urandom(16)
add("sha512-salt-suffix-hex", pw, "hashlib.sha512(password + salt bytes)",
    custom_password_hash=custom("sha512", b64(hashlib.sha512(pw.encode() + s2).digest()), "base64",
                                {"value": s2.hex(), "encoding": "hex", "position": "suffix"}))
add("sha256-utf16le", pw, "hashlib.sha256(password.encode('utf-16-le'))",
    custom_password_hash=custom("sha256", hashlib.sha256(pw.encode("utf-16-le")).hexdigest(), "hex",
                                password_encoding="utf16le"))
accented = "café crème brûlée"
add("sha1-latin1", accented, "hashlib.sha1(password.encode('latin-1'))",
    custom_password_hash=custom("sha1", hashlib.sha1(accented.encode("latin-1")).hexdigest(), "hex",
                                password_encoding="latin1"))
add("sha256-utf8-accented", accented, "hashlib.sha256(password.encode('utf-8'))",
    custom_password_hash=custom("sha256", hashlib.sha256(accented.encode()).hexdigest(), "hex"))
key = "department pepper"
add("hmac-sha256", pw, "openssl dgst -sha256 -hmac key",
    custom_password_hash=custom("hmac", openssl("dgst", "-sha256", "-hmac", key, "-r", data=pw.encode()).split()[0], "hex",
                                digest="sha256", key={"value": key, "encoding": "utf8"}))
k2 = os.urandom(32)
add("hmac-sha512-salt", pw, "hmac.new(key, password + salt, sha512)",
    custom_password_hash=custom("hmac", b64(hmac.new(k2, pw.encode() + salt.encode(), hashlib.sha512).digest()), "base64",
                                {"value": salt, "encoding": "utf8", "position": "suffix"},
                                digest="sha512", key={"value": b64(k2), "encoding": "base64"}))
add("hmac-md5", pw, "hmac.new(key, password, md5)",
    custom_password_hash=custom("hmac", hmac.new(key.encode(), pw.encode(), hashlib.md5).hexdigest(), "hex",
                                digest="md5", key={"value": key.encode().hex(), "encoding": "hex"}))
ps = os.urandom(16)
dk = hashlib.pbkdf2_hmac("sha256", pw.encode(), ps, 10000, 32)
add("pbkdf2-sha256-phc", pw, "hashlib.pbkdf2_hmac('sha256', password, salt, 10000, 32)",
    custom_password_hash=custom("pbkdf2", "$pbkdf2-sha256$i=10000,l=32$%s$%s" % (b64nopad(ps), b64nopad(dk)), "utf8"))
dk = hashlib.pbkdf2_hmac("sha512", pw.encode(), ps, 5000, 64)
add("pbkdf2-sha512-phc", pw, "hashlib.pbkdf2_hmac('sha512', password, salt, 5000, 64)",
    custom_password_hash=custom("pbkdf2", "$pbkdf2-sha512$i=5000,l=64$%s$%s" % (b64nopad(ps), b64nopad(dk)), "utf8"))
ss = os.urandom(16)
sk = hashlib.scrypt(pw.encode(), salt=ss, n=16384, r=8, p=1, dklen=64)
add("scrypt", pw, "hashlib.scrypt(password, salt, n=16384, r=8, p=1, dklen=64)",
    custom_password_hash=custom("scrypt", sk.hex(), "hex", {"value": b64(ss), "encoding": "base64"},
                                keylen=64, cost=16384, blockSize=8, parallelization=1))
ls = os.urandom(8)
add("ldap-ssha", pw, "{SSHA}: base64(sha1(password + salt) + salt)",
    custom_password_hash=custom("ldap", "{SSHA}" + b64(hashlib.sha1(pw.encode() + ls).digest() + ls), "utf8"))
# Self-describing strings in password_hash (a Signet extension of Auth0's schema).
django_salt = "Zk3pQw9rXy2m"
django = base64.b64encode(hashlib.pbkdf2_hmac("sha256", pw.encode(), django_salt.encode(), 260000)).decode()
add("django-pbkdf2-sha256", pw, "Django's algorithm: pbkdf2_hmac('sha256', password, salt text, 260000)",
    password_hash="pbkdf2_sha256$260000$%s$%s" % (django_salt, django))
add("sha512-crypt", pw, "openssl passwd -6", password_hash=openssl("passwd", "-6", "-stdin", data=pw.encode()))
add("md5-crypt", pw, "openssl passwd -1", password_hash=openssl("passwd", "-1", "-stdin", data=pw.encode()))
add("apr1", pw, "openssl passwd -apr1", password_hash=openssl("passwd", "-apr1", "-stdin", data=pw.encode()))
print(json.dumps(vectors, indent=1, ensure_ascii=False))
