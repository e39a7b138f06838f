"""Starts moto's server on 127.0.0.1:<port> (argv[1]) and prints "ready <port>" once it accepts requests."""
import sys
import time
import urllib.request

from moto.server import ThreadedMotoServer

port = int(sys.argv[1])
server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
server.start()
for _ in range(200):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/moto-api/", timeout=1)
        break
    except Exception:
        time.sleep(0.05)
print(f"ready {port}", flush=True)
# Run until stdin reaches EOF: the parent closed it (close()) or exited, so no server outlives its test.
sys.stdin.read()
server.stop()
