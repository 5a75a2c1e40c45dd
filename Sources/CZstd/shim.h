/*
 * CZstd — the system libzstd (libzstd-dev) as a Swift module: compression of
 * the paragraph store's blocks and the training of its per-segment dictionary.
 * Compression uses the stable API only. Training uses one function of the
 * dictionary builder's advanced API, ZDICT_trainFromBuffer_fastCover (in zstd
 * since 1.3.6, exported by the shared library): it trains with fixed
 * parameters, where ZDICT_trainFromBuffer searches several and costs four
 * times as much for the same dictionary (see ZstdDictionary.swift). Swift
 * code reaches the module only through Sources/BaogaoIndex/Compression/.
 */
#ifndef BAOGAO_CZSTD_SHIM_H
#define BAOGAO_CZSTD_SHIM_H

#include <zstd.h>
#define ZDICT_STATIC_LINKING_ONLY
#include <zdict.h>

#endif
