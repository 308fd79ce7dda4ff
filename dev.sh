#!/usr/bin/env bash
# The two set-up commands of the README, on Debian 12 (as root, or a user with sudo):
#   ./dev.sh demo   install what is missing, build, and start the window on the built-in demo
#   ./dev.sh test   install what is missing, build with sanitizers, and run the whole test suite,
#                   then build the packages and check them (packaging/check-packages.sh)
# Plus:  ./dev.sh build   install what is missing and build (build/app/pingscope)
set -euo pipefail
cd "$(dirname "$0")"

install_missing_packages() {
    local wanted missing=()
    wanted=$(grep -v -e '^#' -e '^[[:space:]]*$' packaging/debian/build-deps.txt)
    for package in $wanted; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    echo "Installing: ${missing[*]}"
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() { # build-dir, extra cmake arguments...
    local dir=$1
    shift
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPINGSCOPE_WERROR=ON "$@"
    cmake --build "$dir" --parallel "$(nproc)"
}

case "${1:-}" in
demo)
    install_missing_packages
    build build
    exec build/app/pingscope --demo
    ;;
build)
    install_missing_packages
    build build
    ;;
test)
    install_missing_packages
    # Tests always run under AddressSanitizer and UndefinedBehaviorSanitizer: a leak or a use after
    # free in a cancelled coroutine fails the suite instead of passing by luck.
    build build-test -DPINGSCOPE_SANITIZE=ON
    (cd build-test && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 300)
    # Then the .deb, .rpm and .tar.gz, built without sanitizers, checked, installed and run as a user would.
    packaging/check-packages.sh
    ;;
*)
    echo "usage: $0 demo | test | build" >&2
    exit 2
    ;;
esac
