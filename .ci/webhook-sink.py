#!/usr/bin/env python3
"""A webhook receiver for .ci/two-nodes: answers 204 to every POST and appends one line per delivery to the
file named by its second argument: the webhook-id header, then the event's type. Prints its port, then serves
until killed. Usage: webhook-sink.py <port, 0 for any> <file>"""
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import json

lock = threading.Lock()
out = open(sys.argv[2], "a", buffering=1)


class Sink(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        try:
            kind = json.loads(body).get("type", "?")
        except ValueError:
            kind = "unreadable"
        with lock:
            out.write(f"{self.headers.get('webhook-id', '-')} {kind}\n")
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink)
print(server.server_address[1], flush=True)
server.serve_forever()
