"""What the fake API servers share: a JSON answer, whole or cut off mid-way (the "cut" fault)."""
import json


def reply_json(handler, status, body, headers=None, cut=False):
    """Writes `body` as a JSON answer on a BaseHTTPRequestHandler; a client that gave up is ignored."""
    try:
        data = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json; charset=utf-8")
        for k, v in (headers or {}).items():
            handler.send_header(k, v)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        if cut:
            handler.wfile.write(data[: len(data) // 2])
            handler.wfile.flush()
            handler.close_connection = True
            return
        handler.wfile.write(data)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the client gave up (a "slow" fault past its timeout)
