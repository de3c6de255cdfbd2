#!/usr/bin/env bash
# Prints an access token for the RelocMatch services, from the embedded issuer of ./run-local.sh.
#
#   TOKEN=$(scripts/token.sh conseiller.normandie)            # a demo person (password "demo")
#   TOKEN=$(scripts/token.sh partner-demo)                    # a partner (client credentials)
#   curl -H "Authorization: Bearer $TOKEN" http://localhost:8083/api/v1/matches?demandId=...
#
# A person logs in as a browser would (authorization code flow with PKCE, the issuer's login form);
# a partner uses its client secret. ISSUER overrides the issuer (default http://127.0.0.1:8090).
# With Keycloak (docker-compose), use its own token endpoint instead: see README, "Access".
set -euo pipefail
login="${1:?usage: scripts/token.sh <login or partner client id> [password or secret]}"
issuer="${ISSUER:-http://127.0.0.1:8090}"
fail() { echo "token.sh: $*" >&2; exit 1; }

if [[ "$login" == partner-* ]]; then
    secret="${2:-$login-secret}"
    answer=$(curl -sS -u "$login:$secret" -d grant_type=client_credentials "$issuer/oauth2/token") \
        || fail "the issuer at $issuer cannot be reached"
else
    password="${2:-demo}"
    redirect="http://127.0.0.1/token-callback"
    jar=$(mktemp); trap 'rm -f "$jar"' EXIT
    verifier=$(head -c 48 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
    challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=\n')
    curl -sS -o /dev/null -c "$jar" -b "$jar" "$issuer/oauth2/authorize?response_type=code&client_id=relocmatch-cli&scope=openid%20email&state=cli&redirect_uri=$redirect&code_challenge=$challenge&code_challenge_method=S256" \
        || fail "the issuer at $issuer cannot be reached"
    csrf=$(curl -sS -c "$jar" -b "$jar" "$issuer/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
    [ -n "$csrf" ] || fail "no login form at $issuer/login"
    next=$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "username=$login" \
        --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" "$issuer/login")
    [[ "$next" != *error* ]] || fail "the issuer refused the login of $login"
    callback=$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" "$next")
    code=$(printf '%s' "$callback" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
    [ -n "$code" ] || fail "the issuer gave no authorization code"
    answer=$(curl -sS -d grant_type=authorization_code -d client_id=relocmatch-cli --data-urlencode "code=$code" \
        -d "redirect_uri=$redirect" -d "code_verifier=$verifier" "$issuer/oauth2/token")
fi
token=$(printf '%s' "$answer" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
[ -n "$token" ] || fail "no token: $answer"
printf '%s\n' "$token"
