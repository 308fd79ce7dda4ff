#!/usr/bin/env python3
"""Writes the icmp_packet seed corpus: real ICMP datagrams as Pingscope's sockets receive them.

Needs root: it makes two network namespaces joined by a veth pair, A (10.77.0.1, fd77::1) and a
router B (10.77.0.2, fd77::2), and from A sends echo requests laid out as IcmpPacket::echoRequest
lays them out (cookie, send time, ping's padding). What comes back, on raw and datagram sockets,
IPv4 and IPv6: our own requests seen on loopback, echo replies, B's "unreachable" (an unreachable
and a prohibited route), B's "time exceeded" (TTL 1), and a port unreachable quoting UDP. Each file
is the family byte (0 IPv4, 1 IPv6) followed by the datagram, as the fuzz target reads it.

    sudo tests/fuzz/tools/record_icmp_packets.py tests/fuzz/corpus/icmp_packet
"""
import os
import select
import socket
import struct
import subprocess
import sys
import time

A, B = "psfz-a", "psfz-b"
COOKIE = 0x0123456789ABCDEF


def run(*command):
    subprocess.run(command, check=True)


def setup():
    teardown()
    run("ip", "netns", "add", A)
    run("ip", "netns", "add", B)
    run("ip", "link", "add", "psfz0", "netns", A, "type", "veth", "peer", "name", "psfz1", "netns", B)
    for ns, dev, v4, v6 in ((A, "psfz0", "10.77.0.1/24", "fd77::1/64"), (B, "psfz1", "10.77.0.2/24", "fd77::2/64")):
        run("ip", "-n", ns, "link", "set", "lo", "up")
        run("ip", "-n", ns, "addr", "add", v4, "dev", dev)
        run("ip", "-n", ns, "-6", "addr", "add", v6, "dev", dev, "nodad")
        run("ip", "-n", ns, "link", "set", dev, "up")
    run("ip", "-n", A, "route", "add", "default", "via", "10.77.0.2")
    run("ip", "-n", A, "-6", "route", "add", "default", "via", "fd77::2")
    for setting in ("net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1", "net.ipv4.icmp_ratelimit=0",
                    "net.ipv6.icmp.ratelimit=0"):
        run("ip", "netns", "exec", B, "sysctl", "-q", "-w", setting)
    run("ip", "netns", "exec", A, "sysctl", "-q", "-w", "net.ipv4.ping_group_range=0 0")
    run("ip", "-n", B, "route", "add", "unreachable", "10.88.0.0/16")
    run("ip", "-n", B, "route", "add", "prohibit", "10.89.0.0/16")
    run("ip", "-n", B, "route", "add", "10.90.0.0/16", "dev", "psfz1")
    run("ip", "-n", B, "-6", "route", "add", "unreachable", "fd88::/16")
    run("ip", "-n", B, "-6", "route", "add", "fd90::/16", "dev", "psfz1")


def teardown():
    for ns in (A, B):
        subprocess.run(["ip", "netns", "del", ns], stderr=subprocess.DEVNULL)


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def echo_request(v6, identifier, sequence):
    payload = struct.pack("!QQ", COOKIE, time.monotonic_ns()) + bytes(i & 0xFF for i in range(16, 56))
    header = struct.pack("!BBHHH", 128 if v6 else 8, 0, 0, identifier, sequence)
    if not v6:  # the kernel sums ICMPv6 itself, over the pseudo-header
        header = struct.pack("!BBHHH", 8, 0, checksum(header + payload), identifier, sequence)
    return header + payload


def receive_all(sock, seconds=1.0):
    found, end = [], time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        if not select.select([sock], [], [], left)[0]:
            break
        found.append(sock.recv(65536))
    return found


def inside(folder):
    """Runs in namespace A: sends, listens, writes the files."""
    def save(name, v6, datagram):
        with open(os.path.join(folder, name), "wb") as out:
            out.write(bytes([1 if v6 else 0]) + datagram)
        print(f"{name}: {len(datagram)} bytes")

    def icmp_type(v6, datagram):
        return datagram[0] if v6 or datagram[0] >> 4 != 4 else datagram[(datagram[0] & 0x0F) * 4]

    def exchange(v6, kind, address, sequence, ttl=None):
        family, protocol = (socket.AF_INET6, socket.IPPROTO_ICMPV6) if v6 else (socket.AF_INET, socket.IPPROTO_ICMP)
        sock = socket.socket(family, kind, protocol)
        if ttl is not None:
            if v6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_UNICAST_HOPS, ttl)
            else:
                sock.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, ttl)
        sock.sendto(echo_request(v6, 0x5053, sequence), (address, 0))
        datagrams = receive_all(sock)
        sock.close()
        return datagrams

    raw, dgram = socket.SOCK_RAW, socket.SOCK_DGRAM
    for v6, prefix, loopback in ((False, "v4", "127.0.0.1"), (True, "v6", "::1")):
        request, reply = (128, 129) if v6 else (8, 0)
        unreachable, exceeded = (1, 3) if v6 else (3, 11)
        seen = exchange(v6, raw, loopback, 1)
        save(f"{prefix}-raw-own-request-on-loopback", v6, next(d for d in seen if icmp_type(v6, d) == request))
        save(f"{prefix}-raw-echo-reply", v6, next(d for d in seen if icmp_type(v6, d) == reply))
        save(f"{prefix}-datagram-echo-reply", v6, exchange(v6, dgram, loopback, 2)[0])
        save(f"{prefix}-unreachable-route", v6, next(d for d in exchange(v6, raw, "fd88::1" if v6 else "10.88.0.1", 3)
                                                     if icmp_type(v6, d) == unreachable))
        save(f"{prefix}-time-exceeded-ttl-1", v6, next(d for d in exchange(v6, raw, "fd90::1" if v6 else "10.90.0.1", 4, 1)
                                                       if icmp_type(v6, d) == exceeded))
    save("v4-prohibited-route", False, next(d for d in exchange(False, raw, "10.89.0.1", 5) if icmp_type(False, d) == 3))

    # A port unreachable quotes UDP, not one of our requests: the parser must pass it over.
    listener = socket.socket(socket.AF_INET, raw, socket.IPPROTO_ICMP)
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.sendto(b"pingscope", ("127.0.0.1", 9))
    save("v4-port-unreachable-quoting-udp", False, receive_all(listener)[0])


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--inside":
        inside(sys.argv[2])
        return
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} CORPUS_FOLDER")
    setup()
    try:
        run("ip", "netns", "exec", A, sys.executable, os.path.abspath(__file__), "--inside", os.path.abspath(sys.argv[1]))
    finally:
        teardown()


if __name__ == "__main__":
    main()
