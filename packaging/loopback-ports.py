#!/usr/bin/env python3
"""Targets for `pingscope check` on loopback, one up and one down: prints a port that listens and a port
that was just closed ("OPEN CLOSED" on one line), then accepts and closes connections on the first until
it is killed. Used by packaging/check-packages.sh and `./dev.sh test`."""
import socket

closed = socket.socket()
closed.bind(("127.0.0.1", 0))
closed_port = closed.getsockname()[1]
closed.close()
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(16)
print(server.getsockname()[1], closed_port, flush=True)
while True:
    connection, _ = server.accept()
    connection.close()
