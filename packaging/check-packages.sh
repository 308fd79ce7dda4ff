#!/usr/bin/env bash
# Builds the Linux packages as a user gets them and checks them the way a user meets them: the files in each
# package, lintian, the desktop entry and metainfo validators, then installs the .deb with apt-get and runs the
# installed program (--version, validate, check on loopback, ICMP without root, the window under Xvfb), and
# removes it again. Needs root or sudo (apt-get); needs no display. Prints "packaging: N passed, M failed".
#   packaging/check-packages.sh [BUILD_DIR]      (default: build-package, a Release build without sanitizers)
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
# getcap and setcap live in /usr/sbin, which an ordinary user's PATH leaves out on Debian.
PATH=$PATH:/usr/sbin:/sbin
source_dir=$PWD
build_dir=${1:-build-package}

passed=0
failed=0
skipped=0
pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
skip() { echo "SKIP: $*"; skipped=$((skipped + 1)); }
# check DESCRIPTION COMMAND...: runs the command, prints its output only when it fails.
check() {
    local description=$1 output
    shift
    if output=$("$@" 2>&1); then
        pass "$description"
    else
        fail "$description"
        [ -n "$output" ] && sed 's/^/    /' <<<"$output"
    fi
}

sudo=()
[ "$(id -u)" -ne 0 ] && sudo=(sudo)
work=$(mktemp -d)
chmod 755 "$work"
installed_by_us=false
server_pid=
installed_packages() { dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' | awk '$1 == "ii" { print $2 }' | sort; }
# Removes pingscope and whatever installing it brought in (its Recommends, say), and nothing else.
uninstall() {
    local added
    added=$(installed_packages | comm -13 "$work/packages-before" -)
    [ -z "$added" ] && return 0
    # shellcheck disable=SC2086 # one word per package
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get remove -y -q $added >/dev/null 2>&1
}
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
    $installed_by_us && uninstall
    rm -rf "$work"
}
trap cleanup EXIT

echo "== building the packages in $build_dir"
# A plain optimised build: sanitizers would make the packaged program need their runtimes.
if ! cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPINGSCOPE_SANITIZE=OFF \
    -DPINGSCOPE_BUILD_TESTS=OFF -DPINGSCOPE_WERROR=ON >"$work/configure.log" 2>&1; then
    cat "$work/configure.log"
    echo "packaging: 0 passed, 1 failed (configure)"
    exit 1
fi
rm -f "$build_dir"/pingscope[-_]*.{deb,rpm,tar.gz}
if ! cmake --build "$build_dir" --target package --parallel "$(nproc)" >"$work/build.log" 2>&1; then
    tail -n 60 "$work/build.log"
    echo "packaging: 0 passed, 1 failed (build)"
    exit 1
fi

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build_dir/CMakeCache.txt")
arch=$(dpkg --print-architecture)
deb=$build_dir/pingscope_${version}_${arch}.deb
rpm_file=$(ls "$build_dir"/pingscope-"$version"-*.rpm 2>/dev/null | head -n 1)
tgz=$(ls "$build_dir"/pingscope-"$version"-Linux-*.tar.gz 2>/dev/null | head -n 1)
echo "== version $version (from CMake)"

check ".deb named with the version: $(basename "$deb")" test -f "$deb"
check ".rpm named with the version: $(basename "${rpm_file:-none}")" test -n "$rpm_file"
check ".tar.gz named with the version: $(basename "${tgz:-none}")" test -n "$tgz"

# The files every package carries, relative to the prefix (/usr in the .deb and .rpm).
app_id=io.pingscope.Pingscope
expected=(
    bin/pingscope
    share/applications/"$app_id".desktop
    share/metainfo/"$app_id".metainfo.xml
    share/icons/hicolor/scalable/apps/"$app_id".svg
    share/pingscope/profiles/home-lab.json
    share/pingscope/profiles/demo.json
    share/man/man1/pingscope.1.gz
    share/doc/pingscope/README.md
    share/doc/pingscope/LICENSE
    share/doc/pingscope/copyright
    share/doc/pingscope/changelog.gz
)
for size in 16 32 48 64 128 256; do
    expected+=("share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done

# has_all NAME LISTING_FILE PREFIX: every expected file is in the listing (one path per line).
has_all() {
    local missing=() file
    for file in "${expected[@]}"; do
        grep -qE "^$3$file\$" "$2" || missing+=("$file")
    done
    [ ${#missing[@]} -eq 0 ] || { echo "missing from the $1: ${missing[*]}"; return 1; }
}

echo "== .deb"
if [ -f "$deb" ]; then
    dpkg-deb -c "$deb" | awk '{print $NF}' >"$work/deb.list"
    check "the .deb holds all ${#expected[@]} files" has_all .deb "$work/deb.list" '\./usr/'
    dpkg-deb -f "$deb" Depends Recommends Section >"$work/control"
    check "dpkg-shlibdeps computed the .deb's dependencies (libqt6core6 among them)" grep -q 'libqt6core6' "$work/control"
    check "the .deb is in section net and recommends libcap2-bin" \
        bash -c "grep -qx 'Section: net' '$work/control' && grep -q 'libcap2-bin' '$work/control'"
    dpkg-deb -e "$deb" "$work/control.d"
    check "the .deb's postinst grants cap_net_raw" grep -q 'setcap cap_net_raw+ep' "$work/control.d/postinst"
    dpkg-deb -x "$deb" "$work/root"
    check "the packaged binary is stripped" bash -c "file '$work/root/usr/bin/pingscope' | grep -q ', stripped'"

    lintian --tag-display-limit 0 "$deb" >"$work/lintian.log" 2>&1
    grep -v 'running with root privileges' "$work/lintian.log" | sed 's/^/    lintian: /'
    grep -q '^[A-Z]: ' "$work/lintian.log" || echo "    lintian: no tags"
    check "lintian reports no errors" bash -c "! grep -q '^E:' '$work/lintian.log'"

    check "desktop-file-validate passes" desktop-file-validate "$work/root/usr/share/applications/$app_id.desktop"
    check "appstreamcli validate passes" \
        appstreamcli validate --no-net "$work/root/usr/share/metainfo/$app_id.metainfo.xml"
    check "the metainfo's release is $version" \
        grep -q "<release version=\"$version\"" "$work/root/usr/share/metainfo/$app_id.metainfo.xml"
    check "the desktop entry's icon is the installed icon's name" \
        grep -qx "Icon=$app_id" "$work/root/usr/share/applications/$app_id.desktop"
fi

echo "== .rpm and .tar.gz"
if [ -n "$rpm_file" ]; then
    rpm -qpl "$rpm_file" 2>/dev/null >"$work/rpm.list"
    check "the .rpm holds all ${#expected[@]} files" has_all .rpm "$work/rpm.list" '/usr/'
    check "the .rpm's post-install script grants cap_net_raw" \
        bash -c "rpm -qp --scripts '$rpm_file' 2>/dev/null | grep -q 'setcap cap_net_raw+ep'"
fi
if [ -n "$tgz" ]; then
    tar tzf "$tgz" >"$work/tgz.list"
    check "the .tar.gz holds all ${#expected[@]} files" has_all .tar.gz "$work/tgz.list" 'pingscope-[^/]*/'
fi

echo "== installing the .deb with apt-get"
if dpkg-query -W -f='${Status}' pingscope 2>/dev/null | grep -q "install ok installed"; then
    fail "pingscope is already installed on this machine; remove it first so the check installs this build"
elif installed_packages >"$work/packages-before" && [ -f "$deb" ] && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "$PWD/$deb" \
    >"$work/apt.log" 2>&1; then
    installed_by_us=true
    pass "apt-get install ./$(basename "$deb")"
    grep '^pingscope:' "$work/apt.log" | sed 's/^/    postinst: /'
else
    fail "apt-get install ./$(basename "$deb")"
    [ -f "$work/apt.log" ] && tail -n 20 "$work/apt.log" | sed 's/^/    /'
fi

if $installed_by_us; then
    program=/usr/bin/pingscope
    check "pingscope --version prints $version" bash -c "[ \"\$($program --version)\" = 'pingscope $version' ]"
    check "getcap shows cap_net_raw on $program" bash -c "getcap $program | grep -q cap_net_raw"
    check "pingscope validate on the installed example profile says ok" \
        bash -c "$program validate /usr/share/pingscope/profiles/home-lab.json | grep -q '^ok: '"
    check "the man page is installed and reads" bash -c "zcat /usr/share/man/man1/pingscope.1.gz | grep -q 'EXIT STATUS'"

    if "$program" --help | grep -qE '^[[:space:]]+check([[:space:]]|$)'; then
        # A port that listens (up, exit 0) and one that was just closed (down, exit 1), both on loopback.
        python3 -c '
import socket, sys
closed = socket.socket(); closed.bind(("127.0.0.1", 0)); closed_port = closed.getsockname()[1]; closed.close()
server = socket.socket(); server.bind(("127.0.0.1", 0)); server.listen(16)
print(server.getsockname()[1], closed_port, flush=True)
while True:
    connection, _ = server.accept(); connection.close()
' >"$work/ports" &
        server_pid=$!
        for _ in $(seq 50); do [ -s "$work/ports" ] && break; sleep 0.1; done
        read -r open_port closed_port <"$work/ports"
        check "pingscope check tcp://127.0.0.1:$open_port (listening) exits 0" \
            timeout 60 "$program" check "tcp://127.0.0.1:$open_port"
        check "pingscope check tcp://127.0.0.1:$closed_port (closed) exits 1" \
            bash -c "timeout 60 $program check tcp://127.0.0.1:$closed_port; [ \$? -eq 1 ]"
        # ICMP as an ordinary user: the capability from postinst is what lets it work.
        check "pingscope check icmp://127.0.0.1 works for the user nobody (cap_net_raw)" \
            "${sudo[@]}" runuser -u nobody -- timeout 60 "$program" check icmp://127.0.0.1
        read -r low high </proc/sys/net/ipv4/ping_group_range
        if [ "$low" -gt 65534 ] || [ "$high" -lt 65534 ]; then
            cp "$program" "$work/pingscope-without-capability"
            check "without the capability, check explains what ICMP needs" bash -c "
                out=\$(${sudo[*]} runuser -u nobody -- timeout 60 '$work/pingscope-without-capability' \
                    check icmp://127.0.0.1 2>&1); code=\$?
                echo \"\$out\"; [ \$code -eq 1 ] && grep -q 'ICMP needs permission' <<<\"\$out\""
        else
            skip "net.ipv4.ping_group_range ($low $high) lets nobody ping without the capability"
        fi
    else
        skip "check command not built yet (pingscope --help does not list it)"
    fi

    # The window: it must start under Xvfb, map a window titled Pingscope and keep running.
    check "the window opens under Xvfb and stays up for 3 s" xvfb-run -a -s "-screen 0 1280x800x24" bash -c "
        $program --demo >'$work/window.log' 2>&1 & app=\$!
        sleep 3
        kill -0 \$app || { cat '$work/window.log'; exit 1; }
        xwininfo -root -tree | grep -q 'Pingscope' || { echo 'no window titled Pingscope'; xwininfo -root -tree; exit 1; }
        command -v import >/dev/null && import -window root '$source_dir/$build_dir/window-under-xvfb.png'
        kill \$app; wait \$app; exit 0"
    [ -f "$build_dir/window-under-xvfb.png" ] && echo "    screenshot: $build_dir/window-under-xvfb.png"

    if uninstall; then
        installed_by_us=false
        check "apt-get remove pingscope leaves no $program" test ! -e "$program"
        installed_packages >"$work/packages-after"
        check "the machine has the packages it had before the install" \
            diff "$work/packages-before" "$work/packages-after"
    else
        fail "apt-get remove pingscope and what it brought in"
    fi
fi

echo "== the release workflow"
if python3 -c 'import yaml' 2>/dev/null; then
    check ".github/workflows/release.yml is valid YAML" \
        python3 -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' .github/workflows/release.yml
else
    skip "python3-yaml is not installed: release.yml not parsed"
fi

echo "packaging: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
