# shellcheck shell=bash
# A private, unlocked Secret Service (gnome-keyring) for the real-keyring tests, headless.
#
#   . .ci/keyring-session.sh      # after: apt-get install dbus-x11 gnome-keyring libsecret-tools
#   ...run the tests...
#   r1desk_keyring_session_stop   # optional (e.g. trap r1desk_keyring_session_stop EXIT)
#
# Sourcing starts a private D-Bus session bus and a gnome-keyring-daemon whose "login"
# collection lives in a fresh temp folder and is unlocked with a random password, so nothing
# ever prompts and the user's own keyring is never touched. It exports
# DBUS_SESSION_BUS_ADDRESS and GNOME_KEYRING_CONTROL, proves a store/lookup/delete round trip
# (secret-tool, then Python keyring if it is importable), prints one line, and returns 0;
# otherwise it prints why and returns 1. Sourcing again while it runs is a no-op.
# Running it as a script (bash .ci/keyring-session.sh) is a self-test: start, check, stop.
# R1DESK_PYTHON picks the interpreter for the Python check (default: python3).

_r1desk_kr_say() { printf 'keyring-session: %s\n' "$*"; }
_r1desk_kr_fail() { printf 'keyring-session: FAILED: %s\n' "$*" >&2; }

# Run a command with the keyring's private folders in its environment.
_r1desk_kr_env() {
    env -u GNOME_KEYRING_CONTROL \
        XDG_DATA_HOME="$R1DESK_KEYRING_DIR/data" \
        XDG_RUNTIME_DIR="$R1DESK_KEYRING_DIR/run" \
        "$@"
}

# A store/lookup/delete round trip through the default collection; never blocks long.
r1desk_keyring_probe() {
    local value got
    value="probe-$$-$RANDOM"
    printf '%s' "$value" | timeout 15 secret-tool store --label='r1desk CI probe' \
        r1desk-ci-probe "$$" 2>&1 || return 1
    got=$(timeout 15 secret-tool lookup r1desk-ci-probe "$$" 2>&1) || return 1
    timeout 15 secret-tool clear r1desk-ci-probe "$$" 2>&1 || return 1
    [ "$got" = "$value" ]
}

_r1desk_kr_python_probe() {
    local py="${R1DESK_PYTHON:-python3}"
    if ! "$py" -c 'import keyring, secretstorage' 2>/dev/null; then
        printf 'python check skipped (%s has no keyring/secretstorage yet)' "$py"
        return 0
    fi
    timeout 30 "$py" - <<'PY' || return 1
import uuid

import keyring

backend = keyring.get_keyring()
name = f"{type(backend).__module__}.{type(backend).__name__}"
assert "SecretService" in name, f"keyring picked {name}, not the Secret Service"
user, secret = "u", uuid.uuid4().hex
keyring.set_password("r1desk-ci", user, secret)
assert keyring.get_password("r1desk-ci", user) == secret, "read back a different value"
keyring.delete_password("r1desk-ci", user)
print("python keyring ok", end="")
PY
}

r1desk_keyring_session_stop() {
    [ -n "${R1DESK_KEYRING_PID:-}" ] && kill "$R1DESK_KEYRING_PID" 2>/dev/null
    [ -n "${R1DESK_DBUS_PID:-}" ] && kill "$R1DESK_DBUS_PID" 2>/dev/null
    case "${R1DESK_KEYRING_DIR:-}" in
        */r1desk-keyring.*) rm -rf -- "$R1DESK_KEYRING_DIR" ;;
    esac
    unset R1DESK_KEYRING_PID R1DESK_DBUS_PID R1DESK_KEYRING_DIR GNOME_KEYRING_CONTROL
    unset DBUS_SESSION_BUS_ADDRESS DBUS_SESSION_BUS_PID
    return 0
}

r1desk_keyring_session_start() {
    local tool bus password control owner python_note
    if [ -n "${R1DESK_DBUS_PID:-}" ] && kill -0 "$R1DESK_DBUS_PID" 2>/dev/null \
        && r1desk_keyring_probe >/dev/null; then
        _r1desk_kr_say "already running, Secret Service ok on $DBUS_SESSION_BUS_ADDRESS"
        return 0
    fi
    [ -n "${R1DESK_DBUS_PID:-}" ] && r1desk_keyring_session_stop  # stale or broken: restart
    for tool in dbus-daemon dbus-send gnome-keyring-daemon secret-tool timeout mktemp; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            _r1desk_kr_fail "$tool not found (apt-get install dbus-x11 gnome-keyring libsecret-tools)"
            return 1
        fi
    done

    R1DESK_KEYRING_DIR=$(mktemp -d "${TMPDIR:-/tmp}/r1desk-keyring.XXXXXX") || {
        _r1desk_kr_fail "cannot create a temp folder"; return 1; }
    export R1DESK_KEYRING_DIR
    mkdir -m 700 -p "$R1DESK_KEYRING_DIR/data" "$R1DESK_KEYRING_DIR/run"

    # The bus gets the private folders too: a service it activates must use them as well.
    if ! bus=$(_r1desk_kr_env timeout 15 dbus-daemon --session --fork --nopidfile \
        --print-address=1 --print-pid=1); then
        _r1desk_kr_fail "dbus-daemon --session did not start"
        r1desk_keyring_session_stop; return 1
    fi
    DBUS_SESSION_BUS_ADDRESS=$(printf '%s\n' "$bus" | sed -n 1p)
    R1DESK_DBUS_PID=$(printf '%s\n' "$bus" | sed -n 2p)
    export DBUS_SESSION_BUS_ADDRESS R1DESK_DBUS_PID

    # --unlock with a password on stdin creates the "login" collection (the default one)
    # already unlocked; without it the daemon would ask a prompter, which headless is
    # dismissed at once ("Prompt dismissed"). --start then completes the daemon's set-up.
    password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
    if ! control=$(printf '%s' "$password" \
        | _r1desk_kr_env timeout 15 gnome-keyring-daemon --unlock --components=secrets); then
        _r1desk_kr_fail "gnome-keyring-daemon --unlock failed or hung"
        r1desk_keyring_session_stop; return 1
    fi
    unset password
    # With XDG_RUNTIME_DIR set it prints nothing and listens in $XDG_RUNTIME_DIR/keyring.
    control=$(printf '%s\n' "$control" | sed -n 's/^GNOME_KEYRING_CONTROL=//p')
    control=${control:-$R1DESK_KEYRING_DIR/run/keyring}
    if [ ! -S "$control/control" ]; then
        _r1desk_kr_fail "gnome-keyring-daemon did not open its control socket in $control"
        r1desk_keyring_session_stop; return 1
    fi
    export GNOME_KEYRING_CONTROL="$control"
    if ! env GNOME_KEYRING_CONTROL="$control" XDG_DATA_HOME="$R1DESK_KEYRING_DIR/data" \
        XDG_RUNTIME_DIR="$R1DESK_KEYRING_DIR/run" \
        timeout 15 gnome-keyring-daemon --start --components=secrets >/dev/null; then
        _r1desk_kr_fail "gnome-keyring-daemon --start failed or hung"
        r1desk_keyring_session_stop; return 1
    fi
    owner=$(timeout 10 dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus \
        /org/freedesktop/DBus org.freedesktop.DBus.GetConnectionUnixProcessID \
        string:org.freedesktop.secrets 2>&1) || {
        _r1desk_kr_fail "nobody owns org.freedesktop.secrets on the bus: $owner"
        r1desk_keyring_session_stop; return 1; }
    R1DESK_KEYRING_PID=$(printf '%s' "$owner" | awk '{print $NF}')
    export R1DESK_KEYRING_PID

    if ! owner=$(r1desk_keyring_probe); then
        _r1desk_kr_fail "secret-tool store/lookup/clear round trip failed: $owner"
        r1desk_keyring_session_stop; return 1
    fi
    if ! python_note=$(_r1desk_kr_python_probe 2>&1); then
        _r1desk_kr_fail "Python keyring round trip failed: $python_note"
        r1desk_keyring_session_stop; return 1
    fi
    _r1desk_kr_say "Secret Service ready and unlocked (gnome-keyring pid $R1DESK_KEYRING_PID," \
        "bus pid $R1DESK_DBUS_PID); secret-tool ok; $python_note"
}

if (return 0 2>/dev/null); then
    r1desk_keyring_session_start
else
    # Executed, not sourced: a self-test that leaves nothing running.
    r1desk_keyring_session_start || exit 1
    r1desk_keyring_session_stop
    _r1desk_kr_say "self-test passed; source this file to keep the session"
fi
