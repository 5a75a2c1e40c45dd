#!/usr/bin/env python3
"""A Baogao line-protocol client using only Python's standard library.

    python3 Examples/client.py 三保                  # SEARCH, prints the hits
    python3 Examples/client.py --port 7878 --ask 2023年江津区一般公共预算收入是多少？
    python3 Examples/client.py --json 三保           # the raw result object
    python3 Examples/client.py '支出>1亿元'           # a range query prints its facts

Exit status as the `baogao` command's: 0 found, 1 nothing found, 2 an error.

Protocol: PROTOCOL.md ("Baogao line protocol 1"). Each method sends one JSON
request line and returns the `result` object, or raises BaogaoError with the
server's error `code` and `message`.
"""
import argparse
import itertools
import json
import socket
import sys


class BaogaoError(Exception):
    def __init__(self, code, message, position=None):
        super().__init__(f"{code}: {message}")
        self.code, self.message, self.position = code, message, position


class Baogao:
    def __init__(self, host="127.0.0.1", port=7878, token=None, timeout=30.0):
        self._sock = socket.create_connection((host, port), timeout=timeout)
        self._file = self._sock.makefile("rwb")
        self._ids = itertools.count(1)
        if token is not None:
            self.request("auth", token)

    def request(self, op, q=None, **options):
        """Sends one request and returns its result (raises BaogaoError)."""
        request_id = next(self._ids)
        message = {"op": op, "id": request_id, **options}
        if q is not None:
            message["q"] = q
        self._file.write(json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n")
        self._file.flush()
        line = self._file.readline()
        if not line:
            raise BaogaoError("closed", "the server closed the connection")
        response = json.loads(line)
        if response.get("id") not in (None, request_id):
            raise BaogaoError("internal", f"answer to request {response.get('id')}, expected {request_id}")
        if not response["ok"]:
            raise BaogaoError(response["code"], response["message"], response.get("position"))
        return response["result"]

    def search(self, query, limit=10, offset=0):
        return self.request("search", query, limit=limit, offset=offset)

    def facts(self, query, limit=10, offset=0):
        return self.request("facts", query, limit=limit, offset=offset)

    def ask(self, question):
        return self.request("ask", question)

    def mentions(self, term):
        return self.request("mentions", term)

    def define(self, term):
        return self.request("define", term)

    def get(self, paragraph_id):
        return self.request("get", paragraph_id)

    def stats(self):
        return self.request("stats")

    def ping(self):
        return self.request("ping")

    def close(self):
        try:
            self.request("quit")
        except (BaogaoError, OSError):
            pass
        self._file.close()
        self._sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def main(argv=None):
    parser = argparse.ArgumentParser(description="Query a running `baogao serve`.")
    parser.add_argument("query", nargs="+", help="the query (or question, with --ask)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7878)
    parser.add_argument("--token", help="the token, when the server was started with --token-file")
    parser.add_argument("--limit", type=int, default=5)
    parser.add_argument("--ask", action="store_true", help="ask a question instead of searching")
    parser.add_argument("--json", action="store_true", help="print the result object as JSON")
    args = parser.parse_args(argv)
    text = " ".join(args.query)
    try:
        with Baogao(args.host, args.port, token=args.token) as client:
            result = client.ask(text) if args.ask else client.search(text, limit=args.limit)
    except BaogaoError as e:
        print(f"baogao: {e}", file=sys.stderr)
        return 2
    except ConnectionRefusedError:
        # The usual first mistake: the server is not started. One line, not a traceback.
        print(f"baogao: no server at {args.host}:{args.port} (start one with: baogao serve --port {args.port})",
              file=sys.stderr)
        return 2
    except OSError as e:
        print(f"baogao: cannot talk to {args.host}:{args.port}: {e.strerror or e}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    elif args.ask:
        print_answer(result)
    elif result.get("facts") is not None:
        print_facts(result["facts"])
    else:
        print_hits(result)
    if args.ask:
        return 0 if result.get("answer") is not None else 1
    facts = result.get("facts") or {}
    return 0 if result["total"] > 0 or facts.get("total", 0) > 0 else 1


def print_answer(result):
    answer = result.get("answer")
    if answer is None:
        print(result.get("message") or "no answer found")
        return
    cite = answer.get("citation") or {}
    print(f"{answer['text']}  ({cite.get('doc')} ¶{cite.get('paragraph')}, lines {cite.get('lines')})")


def print_hits(result):
    for i, hit in enumerate(result["hits"], start=result["offset"] + 1):
        print(f"{i}. {hit['title']} ¶{hit['paragraph']} (lines {hit['lines'][0]}–{hit['lines'][1]})  {hit['id']}")
        print(f"   {hit['snippet']}")
    print(f"{result['total']} paragraphs match ({result['took_ms']} ms)")


def print_facts(facts):
    """A range query's facts, one a line, as `baogao search` prints them."""
    if facts["total"] == 0:
        print(f"no number facts match {facts['query']}")
        return
    for i, f in enumerate(facts["facts"], start=facts["offset"] + 1):
        extra = " ".join(x for x in (f.get("relation"), f.get("scope")) if x)
        lines = f["lines"]
        where = f"L{lines[0]}" if lines[0] == lines[1] else f"L{lines[0]}–{lines[1]}"
        cite = " · ".join(x for x in (f.get("region"), " › ".join(f.get("section") or []), f"¶{f['paragraph']}", where, f["doc"]) if x)
        columns = [f.get("label") or "—", f["text"], readable(f), extra, cite]
        print(f"{i:3d}. " + "  ".join(c for c in columns if c))
    shown = f"showing {facts['offset'] + 1}–{facts['offset'] + len(facts['facts'])}" if facts["facts"] else "none shown"
    print(f"{facts['total']} fact{'' if facts['total'] == 1 else 's'} match ({shown}, {facts['took_ms']} ms)")


def readable(fact):
    """The value in a readable unit: 2.296亿元, -32.3%, 270000人次 (the CLI's column)."""
    v, kind = fact["value"], fact["kind"]
    def trim(x):
        return f"{x:.4f}".rstrip("0").rstrip(".")
    if kind == "amount":
        if abs(v) >= 1e8:
            return trim(v / 1e8) + "亿元"
        if abs(v) >= 1e4:
            return trim(v / 1e4) + "万元"
        return trim(v) + "元"
    if kind == "percent":
        return trim(v) + "%"
    if kind == "percentagePoint":
        return trim(v) + "个百分点"
    return trim(v) + fact.get("unit", "")


if __name__ == "__main__":
    sys.exit(main())
