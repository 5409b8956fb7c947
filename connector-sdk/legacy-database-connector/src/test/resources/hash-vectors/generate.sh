#!/usr/bin/env bash
# Regenerates vectors.tsv: legacy password hashes made by tools independent of Signet.
#
#   apt-get install -y whois apache2-utils slapd argon2 openssl   (mkpasswd, htpasswd, slappasswd, argon2, openssl)
#   pip install werkzeug                                          (Werkzeug's own generate_password_hash)
#   ./generate.sh > vectors.tsv
#
# Each line: format <TAB> options <TAB> password <TAB> hash <TAB> salt column value <TAB> the command that made it.
# "options" are the connector settings the line needs (hash.unprefixed, hash.salt-position, hash.pepper), "-" when
# none. Formats without a command-line tool here (passlib/PHC PBKDF2 and scrypt, Django, phpass, ASP.NET Identity)
# come from legacy_hashes.py, which follows each project's documented algorithm with Python's hashlib.
set -euo pipefail
cd "$(dirname "$0")"

# Run a command, print its last line of output as the hash, and the command itself.
vector() {
  local format=$1 options=$2 password=$3 salt=$4 command=$5 hash
  hash=$(bash -c "$command" | tail -n 1)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$format" "$options" "$password" "$hash" "$salt" "$command"
}

PWS=('correct horse battery staple' 'pässwörd-ünïcödé' 'Tr0ub4dor&3' 'p@ss w0rd!')
q() { printf '%q' "$1"; }

printf '# format\toptions\tpassword\thash\tsalt\tcommand (regenerate all: ./generate.sh > vectors.tsv)\n'
for pw in "${PWS[@]}"; do
  p=$(q "$pw")
  # bcrypt
  vector bcrypt - "$pw" - "mkpasswd -m bcrypt -R 5 $p"
  vector bcrypt - "$pw" - "mkpasswd -m bcrypt-a -R 5 $p"
  vector bcrypt - "$pw" - "htpasswd -nbB -C 5 user $p | head -n 1 | cut -d: -f2-"
  # Argon2 (PHC), from the reference implementation's command
  vector argon2 - "$pw" - "printf %s $p | argon2 \$(openssl rand -hex 8) -i -t 3 -k 4096 -p 1 -e"
  vector argon2 - "$pw" - "printf %s $p | argon2 \$(openssl rand -hex 8) -id -t 2 -k 1024 -p 2 -e"
  # scrypt: passlib's PHC-style string, and Werkzeug 3's default form
  vector scrypt - "$pw" - "python3 legacy_hashes.py scrypt-phc $p 10 8 1"
  vector werkzeug-scrypt - "$pw" - "python3 -c 'import sys; from werkzeug.security import generate_password_hash as g; print(g(sys.argv[1], method=\"scrypt:1024:8:1\"))' $p"
  # PBKDF2: PHC, passlib, Django, Werkzeug
  for sha in sha1 sha256 sha512; do
    vector pbkdf2 - "$pw" - "python3 legacy_hashes.py pbkdf2-phc $sha $p 1000"
    vector pbkdf2 - "$pw" - "python3 legacy_hashes.py pbkdf2-passlib $sha $p 1000"
    vector django-pbkdf2 - "$pw" - "python3 legacy_hashes.py django $sha $p 1000"
    vector werkzeug-pbkdf2 - "$pw" - "python3 -c 'import sys; from werkzeug.security import generate_password_hash as g; print(g(sys.argv[1], method=\"pbkdf2:$sha:1000\"))' $p"
  done
  # crypt(3) family
  vector md5-crypt - "$pw" - "mkpasswd -m md5crypt $p"
  vector md5-crypt - "$pw" - "openssl passwd -1 $p"
  vector apr1-crypt - "$pw" - "openssl passwd -apr1 $p"
  vector apr1-crypt - "$pw" - "htpasswd -nbm user $p | head -n 1 | cut -d: -f2-"
  vector sha256-crypt - "$pw" - "mkpasswd -m sha256crypt $p"
  vector sha256-crypt - "$pw" - "mkpasswd -m sha256crypt -R 12345 $p"
  vector sha256-crypt - "$pw" - "openssl passwd -5 $p"
  vector sha512-crypt - "$pw" - "mkpasswd -m sha512crypt $p"
  vector sha512-crypt - "$pw" - "mkpasswd -m sha512crypt -R 1000 $p"
  vector sha512-crypt - "$pw" - "openssl passwd -6 $p"
  # RFC 2307 (OpenLDAP's slappasswd; SHA-2 schemes from its pw-sha2 module)
  for scheme in MD5 SMD5 SHA SSHA; do
    vector rfc2307 - "$pw" - "slappasswd -h '{$scheme}' -s $p"
  done
  for scheme in SHA256 SSHA256 SHA512 SSHA512; do
    vector rfc2307 - "$pw" - "slappasswd -o module-load=pw-sha2 -o module-path=/usr/lib/ldap -h '{$scheme}' -s $p"
  done
  vector sha512-crypt - "$pw" - "slappasswd -h '{CRYPT}' -c '\$6\$%.16s' -s $p"
  # Plain digests, unsalted and salted (salt in its own column), hex and base64
  for alg in md5 sha1 sha256 sha512; do
    vector digest - "$pw" - "printf %s $p | openssl dgst -$alg -r | cut -d' ' -f1"
    vector digest - "$pw" - "printf %s $p | openssl dgst -$alg -binary | base64 -w0"
    salt=$(openssl rand -hex 6)
    vector digest hash.salt-position=after "$pw" "$salt" "printf %s $p$salt | openssl dgst -$alg -r | cut -d' ' -f1"
    vector digest hash.salt-position=before "$pw" "$salt" "printf %s $salt$p | openssl dgst -$alg -binary | base64 -w0"
  done
  # HMAC with a pepper
  for alg in md5 sha1 sha256 sha512; do
    vector hmac 'hash.unprefixed=hmac;hash.pepper=kitchen-pepper-2009' "$pw" - "printf %s $p | openssl dgst -$alg -hmac kitchen-pepper-2009 -r | cut -d' ' -f1"
  done
  salt=$(openssl rand -hex 6)
  vector hmac 'hash.unprefixed=hmac;hash.pepper=kitchen-pepper-2009;hash.salt-position=before' "$pw" "$salt" "printf %s $salt$p | openssl dgst -sha256 -hmac kitchen-pepper-2009 -binary | base64 -w0"
  # phpass (WordPress $P$, phpBB $H$)
  vector phpass - "$pw" - "python3 legacy_hashes.py phpass P $p 8"
  vector phpass - "$pw" - "python3 legacy_hashes.py phpass H $p 11"
  # ASP.NET Identity
  vector aspnet-identity-v2 - "$pw" - "python3 legacy_hashes.py aspnet-v2 $p"
  vector aspnet-identity-v3 - "$pw" - "python3 legacy_hashes.py aspnet-v3 sha256 $p 10000"
  vector aspnet-identity-v3 - "$pw" - "python3 legacy_hashes.py aspnet-v3 sha512 $p 1000"
done
