#!/usr/bin/env bash
# Builds the Linux packages as a user gets them and checks them the way a user meets them: the files in each
# package, lintian, the desktop entry and metainfo validators; then installs the headless pingscope-cli .deb
# with apt-get and runs it (--version, validate, check on loopback, ICMP without root), installs the desktop
# .deb over it (which replaces it) and runs that too, with the window under Xvfb, and removes both again.
# Needs root or sudo (apt-get); needs no display. Prints "packaging: N passed, M failed".
#   packaging/check-packages.sh [BUILD_DIR]
# BUILD_DIR (default build-package) gets the desktop packages, BUILD_DIR-cli the headless ones
# (PINGSCOPE_GUI=OFF); both are Release builds without sanitizers.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
# getcap and setcap live in /usr/sbin, which an ordinary user's PATH leaves out on Debian.
PATH=$PATH:/usr/sbin:/sbin
build_dir=$(realpath -m "${1:-build-package}")
cli_build_dir=$build_dir-cli

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
# Removes the packages installed here and whatever installing them brought in (Recommends, say), and nothing
# else.
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

# build_packages DIR NAME CMAKE_ARGUMENTS...: configures and builds the package target, or says why not.
build_packages() {
    local dir=$1 name=$2
    shift 2
    echo "== building the $name packages in $dir"
    # A plain optimised build: sanitizers would make the packaged program need their runtimes.
    if ! cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPINGSCOPE_SANITIZE=OFF \
        -DPINGSCOPE_BUILD_TESTS=OFF -DPINGSCOPE_BUILD_BENCH=OFF -DPINGSCOPE_WERROR=ON "$@" \
        >"$work/configure-$name.log" 2>&1; then
        cat "$work/configure-$name.log"
        echo "packaging: 0 passed, 1 failed (configure $name)"
        exit 1
    fi
    rm -f "$dir"/pingscope[-_]*.{deb,rpm,tar.gz}
    if ! cmake --build "$dir" --target package --parallel "$(nproc)" >"$work/build-$name.log" 2>&1; then
        tail -n 60 "$work/build-$name.log"
        echo "packaging: 0 passed, 1 failed (build $name)"
        exit 1
    fi
}
build_packages "$build_dir" pingscope -DPINGSCOPE_GUI=ON
build_packages "$cli_build_dir" pingscope-cli -DPINGSCOPE_GUI=OFF

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build_dir/CMakeCache.txt")
arch=$(dpkg --print-architecture)
deb=$build_dir/pingscope_${version}_${arch}.deb
rpm_file=$(ls "$build_dir"/pingscope-"$version"-*.rpm 2>/dev/null | head -n 1)
tgz=$(ls "$build_dir"/pingscope-"$version"-Linux-*.tar.gz 2>/dev/null | head -n 1)
cli_deb=$cli_build_dir/pingscope-cli_${version}_${arch}.deb
cli_rpm=$(ls "$cli_build_dir"/pingscope-cli-"$version"-*.rpm 2>/dev/null | head -n 1)
cli_tgz=$(ls "$cli_build_dir"/pingscope-cli-"$version"-Linux-*.tar.gz 2>/dev/null | head -n 1)
echo "== version $version (from CMake)"

check ".deb named with the version: $(basename "$deb")" test -f "$deb"
check ".rpm named with the version: $(basename "${rpm_file:-none}")" test -n "$rpm_file"
check ".tar.gz named with the version: $(basename "${tgz:-none}")" test -n "$tgz"
check "headless .deb named with the version: $(basename "$cli_deb")" test -f "$cli_deb"
check "headless .rpm named with the version: $(basename "${cli_rpm:-none}")" test -n "$cli_rpm"
check "headless .tar.gz named with the version: $(basename "${cli_tgz:-none}")" test -n "$cli_tgz"

# The files each package carries, relative to the prefix (/usr in the .deb and .rpm). The headless package has
# the program, its man page, docs and the example profile; the desktop package adds what a desktop shows.
app_id=io.pingscope.Pingscope
cli_expected=(
    bin/pingscope
    share/pingscope/profiles/home-lab.json
    share/man/man1/pingscope.1.gz
    share/doc/pingscope-cli/README.md
    share/doc/pingscope-cli/LICENSE
    share/doc/pingscope-cli/copyright
    share/doc/pingscope-cli/changelog.gz
    share/doc/pingscope-cli/fleet.md
    lib/systemd/system/pingscope-watch@.service
)
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
    share/doc/pingscope/fleet.md
    share/doc/pingscope/window.md
    lib/systemd/system/pingscope-watch@.service
)
for size in 16 32 48 64 128 256; do
    expected+=("share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
# What a server without a display does not have, and the headless package must not need: matched against
# package names (Depends, what apt would install) and against the libraries the program links.
gui_packages='^(libqt6gui6|libqt6widgets6|libqt6charts6|libqt6svg6|libqt6opengl6|qt6-qpa-plugins|libx11-6|libxcb1|libwayland-client0|libgl1)$'
gui_libraries='libQt6(Gui|Widgets|Charts|Svg|OpenGL)|libX11|libxcb|libwayland|libGL'

# has_all NAME LISTING_FILE PREFIX FILE...: every file is in the listing (one path per line).
has_all() {
    local name=$1 listing=$2 prefix=$3 missing=() file
    shift 3
    for file in "$@"; do
        grep -qE "^$prefix$file\$" "$listing" || missing+=("$file")
    done
    [ ${#missing[@]} -eq 0 ] || { echo "missing from the $name: ${missing[*]}"; return 1; }
}
# lacks_all NAME LISTING_FILE PATTERN: no line of the listing matches the pattern.
lacks_all() {
    ! grep -E "$3" "$2" | sed "s/^/in the $1: /" | grep .
}
# The packages apt-get would install for a .deb on a machine that has none installed yet (so also none of the
# GUI libraries): its dependencies' whole closure, Recommends included, as Debian 12's archive has them.
would_install() {
    : >"$work/empty-status"
    apt-get -s -q -o Dir::State::status="$work/empty-status" install "$1" 2>&1 |
        tee "$work/simulate.log" | awk '$1 == "Inst" { print $2 }'
}
# lint_deb DEB: lintian's tags, and no error among them.
lint_deb() {
    lintian --tag-display-limit 0 "$1" >"$work/lintian.log" 2>&1
    grep -v 'running with root privileges' "$work/lintian.log" | sed 's/^/    lintian: /'
    grep -q '^[A-Z]: ' "$work/lintian.log" || echo "    lintian: no tags"
    check "lintian reports no errors on $(basename "$1")" bash -c "! grep -q '^E:' '$work/lintian.log'"
}

echo "== .deb"
if [ -f "$deb" ]; then
    dpkg-deb -c "$deb" | awk '{print $NF}' >"$work/deb.list"
    check "the .deb holds all ${#expected[@]} files" has_all .deb "$work/deb.list" '\./usr/' "${expected[@]}"
    dpkg-deb -f "$deb" Depends Recommends Section Conflicts Replaces Provides >"$work/control"
    check "dpkg-shlibdeps computed the .deb's dependencies (libqt6core6 among them)" grep -q 'libqt6core6' "$work/control"
    check "the .deb is in section net and recommends libcap2-bin" \
        bash -c "grep -qx 'Section: net' '$work/control' && grep -q 'libcap2-bin' '$work/control'"
    check "the .deb conflicts with, replaces and provides pingscope-cli" bash -c "
        grep -qx 'Conflicts: pingscope-cli' '$work/control' && grep -qx 'Replaces: pingscope-cli' '$work/control' \
            && grep -qx 'Provides: pingscope-cli (= $version)' '$work/control'"
    dpkg-deb -e "$deb" "$work/control.d"
    check "the .deb's postinst grants cap_net_raw" grep -q 'setcap cap_net_raw+ep' "$work/control.d/postinst"
    dpkg-deb -x "$deb" "$work/root"
    check "the packaged binary is stripped" bash -c "file '$work/root/usr/bin/pingscope' | grep -q ', stripped'"
    # The control for the headless checks below: the same look finds the GUI stack where it is.
    would_install "$deb" >"$work/deb.closure"
    check "apt-get would install libqt6gui6 and qt6-qpa-plugins for the .deb (the control for pingscope-cli)" \
        bash -c "{ grep -qx libqt6gui6 '$work/deb.closure' && grep -qx qt6-qpa-plugins '$work/deb.closure'; } \
            || { cat '$work/simulate.log'; false; }"
    lint_deb "$deb"

    check "desktop-file-validate passes" desktop-file-validate "$work/root/usr/share/applications/$app_id.desktop"
    check "appstreamcli validate passes" \
        appstreamcli validate --no-net "$work/root/usr/share/metainfo/$app_id.metainfo.xml"
    check "the metainfo's release is $version" \
        grep -q "<release version=\"$version\"" "$work/root/usr/share/metainfo/$app_id.metainfo.xml"
    check "the desktop entry's icon is the installed icon's name" \
        grep -qx "Icon=$app_id" "$work/root/usr/share/applications/$app_id.desktop"
fi

echo "== headless .deb (pingscope-cli)"
if [ -f "$cli_deb" ]; then
    dpkg-deb -c "$cli_deb" | awk '{print $NF}' >"$work/cli-deb.list"
    check "the headless .deb holds all ${#cli_expected[@]} files" \
        has_all "headless .deb" "$work/cli-deb.list" '\./usr/' "${cli_expected[@]}"
    check "the headless .deb holds no desktop entry, metainfo or icons" \
        lacks_all "headless .deb" "$work/cli-deb.list" '/(applications|metainfo|icons)/'
    dpkg-deb -f "$cli_deb" Depends Recommends Section >"$work/cli-control"
    check "dpkg-shlibdeps computed the headless .deb's dependencies (libqt6core6 among them)" \
        grep -q 'libqt6core6' "$work/cli-control"
    { dpkg-deb -f "$cli_deb" Depends; dpkg-deb -f "$cli_deb" Recommends; } | tr ',|' '\n' |
        sed 's/^[[:space:]]*//; s/[[:space:](].*//' | grep . >"$work/cli-depends"
    check "the headless .deb's Depends and Recommends name none of the GUI packages" \
        lacks_all "headless .deb's control" "$work/cli-depends" "$gui_packages"
    would_install "$cli_deb" >"$work/cli.closure"
    check "apt-get resolves the headless .deb on a machine with nothing installed" \
        bash -c "grep -qx libqt6core6 '$work/cli.closure' || { cat '$work/simulate.log'; false; }"
    check "on a machine without them, apt-get would install none of the GUI packages for the headless .deb" \
        lacks_all "headless .deb's closure" "$work/cli.closure" "$gui_packages"
    dpkg-deb -e "$cli_deb" "$work/cli-control.d"
    check "the headless .deb's postinst grants cap_net_raw" grep -q 'setcap cap_net_raw+ep' "$work/cli-control.d/postinst"
    dpkg-deb -x "$cli_deb" "$work/cli-root"
    check "the headless binary is stripped" bash -c "file '$work/cli-root/usr/bin/pingscope' | grep -q ', stripped'"
    ldd "$work/cli-root/usr/bin/pingscope" >"$work/cli-ldd" 2>&1
    check "the headless binary links libQt6Core and none of the GUI libraries (ldd)" \
        bash -c "grep -q libQt6Core '$work/cli-ldd' && ! grep -E '$gui_libraries' '$work/cli-ldd'"
    lint_deb "$cli_deb"
fi

echo "== .rpm and .tar.gz"
if [ -n "$rpm_file" ]; then
    rpm -qpl "$rpm_file" 2>/dev/null >"$work/rpm.list"
    check "the .rpm holds all ${#expected[@]} files" has_all .rpm "$work/rpm.list" '/usr/' "${expected[@]}"
    check "the .rpm's post-install script grants cap_net_raw" \
        bash -c "rpm -qp --scripts '$rpm_file' 2>/dev/null | grep -q 'setcap cap_net_raw+ep'"
    check "the .rpm conflicts with pingscope-cli" bash -c "rpm -qp --conflicts '$rpm_file' 2>/dev/null | grep -qx pingscope-cli"
fi
if [ -n "$cli_rpm" ]; then
    rpm -qpl "$cli_rpm" 2>/dev/null >"$work/cli-rpm.list"
    check "the headless .rpm holds all ${#cli_expected[@]} files" \
        has_all "headless .rpm" "$work/cli-rpm.list" '/usr/' "${cli_expected[@]}"
    rpm -qpR "$cli_rpm" 2>/dev/null >"$work/cli-rpm.requires"
    check "the headless .rpm requires libQt6Core and none of the GUI libraries" \
        bash -c "grep -q libQt6Core '$work/cli-rpm.requires' && ! grep -E '$gui_libraries' '$work/cli-rpm.requires'"
    check "the headless .rpm's post-install script grants cap_net_raw" \
        bash -c "rpm -qp --scripts '$cli_rpm' 2>/dev/null | grep -q 'setcap cap_net_raw+ep'"
fi
if [ -n "$tgz" ]; then
    tar tzf "$tgz" >"$work/tgz.list"
    check "the .tar.gz holds all ${#expected[@]} files" has_all .tar.gz "$work/tgz.list" 'pingscope-[^/]*/' "${expected[@]}"
fi
if [ -n "$cli_tgz" ]; then
    tar tzf "$cli_tgz" >"$work/cli-tgz.list"
    check "the headless .tar.gz holds all ${#cli_expected[@]} files" \
        has_all "headless .tar.gz" "$work/cli-tgz.list" 'pingscope-cli-[^/]*/' "${cli_expected[@]}"
fi

program=/usr/bin/pingscope
# A port that listens (up, exit 0) and one that was just closed (down, exit 1), both on loopback.
packaging/loopback-ports.py >"$work/ports" &
server_pid=$!
for _ in $(seq 50); do [ -s "$work/ports" ] && break; sleep 0.1; done
read -r open_port closed_port <"$work/ports"

# check_installed NAME: what either package's /usr/bin/pingscope must do, as root and as the user nobody.
check_installed() {
    local name=$1
    check "$name: pingscope --version prints $version" bash -c "[ \"\$($program --version)\" = 'pingscope $version' ]"
    check "$name: getcap shows cap_net_raw on $program" bash -c "getcap $program | grep -q cap_net_raw"
    check "$name: pingscope validate on the installed example profile says ok" \
        bash -c "$program validate /usr/share/pingscope/profiles/home-lab.json | grep -q '^ok: '"
    check "$name: the man page is installed and reads" \
        bash -c "zcat /usr/share/man/man1/pingscope.1.gz | grep -q 'EXIT STATUS'"
    # The agents' unit, as installed: it names the installed program and the installed fleet.md.
    check "$name: systemd-analyze verify passes on the installed pingscope-watch@.service" bash -c "
        out=\$(systemd-analyze verify --man=no /usr/lib/systemd/system/pingscope-watch@.service 2>&1) && [ -z \"\$out\" ] \
            || { echo \"\$out\"; false; }"
    check "$name: the unit's documentation is installed" \
        bash -c "grep -o 'file://[^ ]*' /usr/lib/systemd/system/pingscope-watch@.service | sed 's|file://||' | xargs test -f"
    check "$name: pingscope check tcp://127.0.0.1:$open_port (listening) exits 0" \
        timeout 60 "$program" check "tcp://127.0.0.1:$open_port"
    check "$name: pingscope check tcp://127.0.0.1:$closed_port (closed) exits 1" \
        bash -c "timeout 60 $program check tcp://127.0.0.1:$closed_port; [ \$? -eq 1 ]"
    # ICMP as an ordinary user: the capability from postinst is what lets it work.
    check "$name: pingscope check icmp://127.0.0.1 works for the user nobody (cap_net_raw)" \
        "${sudo[@]}" runuser -u nobody -- timeout 60 "$program" check icmp://127.0.0.1
    local low high
    read -r low high </proc/sys/net/ipv4/ping_group_range
    if [ "$low" -gt 65534 ] || [ "$high" -lt 65534 ]; then
        cp "$program" "$work/pingscope-without-capability"
        check "$name: without the capability, check explains what ICMP needs" bash -c "
            out=\$(${sudo[*]} runuser -u nobody -- timeout 60 '$work/pingscope-without-capability' \
                check icmp://127.0.0.1 2>&1); code=\$?
            echo \"\$out\"; [ \$code -eq 1 ] && grep -q 'ICMP needs permission' <<<\"\$out\""
    else
        skip "$name: net.ipv4.ping_group_range ($low $high) lets nobody ping without the capability"
    fi
}
# apt_install DEB: installs it with apt-get, and says what the postinst said.
apt_install() {
    if DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "$1" >"$work/apt.log" 2>&1; then
        pass "apt-get install ./$(basename "$1")"
        grep '^pingscope' "$work/apt.log" | grep -v '^pingscope[-a-z]* is already' | sed 's/^/    postinst: /'
        return 0
    fi
    fail "apt-get install ./$(basename "$1")"
    tail -n 20 "$work/apt.log" | sed 's/^/    /'
    return 1
}
is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
is_not_installed() { ! is_installed "$1"; }

echo "== installing the headless .deb with apt-get"
installed_packages >"$work/packages-before"
may_install=true
cli_installed=false
if is_installed pingscope || is_installed pingscope-cli; then
    fail "pingscope or pingscope-cli is already installed on this machine; remove it first so the check installs this build"
    may_install=false
elif [ -f "$cli_deb" ] && apt_install "$cli_deb"; then
    installed_by_us=true
    cli_installed=true
    check_installed pingscope-cli
    check "pingscope-cli: pingscope with no command says in one line that this build has no window, exit 2" bash -c "
        out=\$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM $program 2>&1); code=\$?
        echo \"\$out\"; [ \$code -eq 2 ] && [ \$(wc -l <<<\"\$out\") -eq 1 ] && grep -q 'this build has no window' <<<\"\$out\""
    check "pingscope-cli: a mistyped command names the nearest, exit 2" bash -c "
        out=\$($program chek tcp://127.0.0.1:$open_port 2>&1); code=\$?
        echo \"\$out\"; [ \$code -eq 2 ] && grep -q 'did you mean \"check\"' <<<\"\$out\""
fi

echo "== installing the desktop .deb with apt-get$($cli_installed && echo ", over the headless one")"
if $may_install && [ -f "$deb" ] && apt_install "$deb"; then
    installed_by_us=true
    if $cli_installed; then
        check "installing pingscope removed pingscope-cli (Conflicts, Replaces)" is_not_installed pingscope-cli
    fi
    check_installed pingscope

    # The window: it must start under Xvfb, map a window titled Pingscope and keep running.
    check "pingscope: the window opens under Xvfb and stays up for 3 s" xvfb-run -a -s "-screen 0 1280x800x24" bash -c "
        $program --demo >'$work/window.log' 2>&1 & app=\$!
        sleep 3
        kill -0 \$app || { cat '$work/window.log'; exit 1; }
        xwininfo -root -tree | grep -q 'Pingscope' || { echo 'no window titled Pingscope'; xwininfo -root -tree; exit 1; }
        command -v import >/dev/null && import -window root '$build_dir/window-under-xvfb.png'
        kill \$app; wait \$app; exit 0"
    [ -f "$build_dir/window-under-xvfb.png" ] && echo "    screenshot: $build_dir/window-under-xvfb.png"
fi

if $installed_by_us; then
    if uninstall; then
        installed_by_us=false
        check "apt-get remove pingscope leaves no $program" test ! -e "$program"
        installed_packages >"$work/packages-after"
        check "the machine has the packages it had before the installs" \
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
