#!/usr/bin/env python3
"""tantivy beside Baogao, on the same paragraphs and queries (Benchmarks/peer/README.md).

  tantivy_peer.py index BAOGAO CORPUS_DIR TANTIVY_DIR   paragraphs as Baogao reads them, bigram tokens
  tantivy_peer.py search TANTIVY_DIR QUERIES_TSV [ROUNDS]   p50/p99 per kind: exact count + top 10 with text

The paragraphs come from `baogao paragraphs --json`, so both engines index the same
units of text. Tokens are overlapping character bigrams (tantivy's ngram tokenizer,
2..2), the closest tantivy comes to matching Chinese substrings exactly: a query term
of two characters is one bigram, a longer one a phrase of its bigrams.
"""
import json
import os
import subprocess
import sys
import time

import tantivy


def schema():
    b = tantivy.SchemaBuilder()
    b.add_text_field("text", stored=True, tokenizer_name="bigram")
    b.add_text_field("id", stored=True, tokenizer_name="raw")
    return b.build()


def open_index(path, create=False):
    index = tantivy.Index(schema(), path=path, reuse=not create)
    index.register_tokenizer("bigram", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.ngram(2, 2, False)).build())
    return index


def build(baogao, corpus, path):
    os.makedirs(path, exist_ok=True)
    index = open_index(path, create=True)
    writer = index.writer(heap_size=512 * 1024 * 1024, num_threads=2)
    files = sorted(f for f in os.listdir(corpus) if f.endswith((".txt", ".md", ".text")))
    start, paragraphs, chars = time.monotonic(), 0, 0
    read_seconds = 0.0
    for name in files:
        t0 = time.monotonic()
        out = subprocess.run([baogao, "paragraphs", "--json", os.path.join(corpus, name)], capture_output=True)
        read_seconds += time.monotonic() - t0
        if out.returncode != 0:
            continue
        report = json.loads(out.stdout)
        for p in report["paragraphs"]:
            writer.add_document(tantivy.Document(text=p["text"], id=f'{name}#{p["n"]}'))
            paragraphs += 1
            chars += len(p["text"])
    writer.commit()
    writer.wait_merging_threads()
    seconds = time.monotonic() - start - read_seconds
    size = sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path))
    print(f"tantivy: {paragraphs} paragraphs, {chars} characters indexed in {seconds:.1f} s "
          f"(not counting {read_seconds:.1f} s of baogao paragraphs); index {size / 1048576:.1f} MiB")


def tantivy_query(index, text):
    terms = text.split()
    if len(terms) == 1:
        return index.parse_query(f'"{terms[0]}"', ["text"])
    return index.parse_query(" AND ".join(f'"{t}"' for t in terms), ["text"])


def search(path, queries_file, rounds):
    index = open_index(path)
    index.reload()
    searcher = index.searcher()
    kinds = {}
    for line in open(queries_file, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        kind, q = line.rstrip("\n").split("\t")
        kinds.setdefault(kind, []).append(q)
    print("kind      p50 ms   p99 ms   totals")
    for kind, queries in kinds.items():
        times, totals = [], []
        for q in queries:
            query = tantivy_query(index, q)
            searcher.search(query, 10, count=True)  # warm
            for _ in range(rounds):
                t0 = time.perf_counter()
                result = searcher.search(query, 10, count=True)
                for _, address in result.hits:
                    searcher.doc(address)["text"]
                times.append((time.perf_counter() - t0) * 1000)
            totals.append(f"{q}={result.count}")
        times.sort()
        p = lambda f: times[min(len(times) - 1, round((len(times) - 1) * f))]
        print(f"{kind:8} {p(0.5):7.2f}  {p(0.99):7.2f}   " + " ".join(totals))


if __name__ == "__main__":
    if len(sys.argv) >= 5 and sys.argv[1] == "index":
        build(sys.argv[2], sys.argv[3], sys.argv[4])
    elif len(sys.argv) >= 4 and sys.argv[1] == "search":
        search(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 50)
    else:
        sys.exit(__doc__)
