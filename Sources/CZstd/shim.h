/*
 * CZstd — the system libzstd (libzstd-dev) as a Swift module: compression of
 * the paragraph store's blocks and the training of its per-segment dictionary.
 * Only the stable API is used (no ZSTD_STATIC_LINKING_ONLY), so any libzstd
 * from 1.4 on links. Swift code reaches it only through
 * Sources/BaogaoIndex/Compression/.
 */
#ifndef BAOGAO_CZSTD_SHIM_H
#define BAOGAO_CZSTD_SHIM_H

#include <zstd.h>
#include <zdict.h>

#endif
