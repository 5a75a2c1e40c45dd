/*
 * CZlib — CRC-32 and deflate/inflate from the system zlib, for the index's
 * checksums and its compressed paragraph store. Plain C types only.
 */
#ifndef BAOGAO_CZLIB_H
#define BAOGAO_CZLIB_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* CRC-32 (the zlib/PNG polynomial) of data, continuing from crc (0 to start). */
uint32_t bg_crc32(uint32_t crc, const uint8_t *data, uint64_t length);

/* Adler-32 of data, continuing from adler (1 to start). */
uint32_t bg_adler32(uint32_t adler, const uint8_t *data, uint64_t length);

/* An upper bound on the compressed size of length bytes. */
uint64_t bg_deflate_bound(uint64_t length);

/* Compresses src into dst (capacity cap, at least bg_deflate_bound(length)).
 * Returns the compressed length, or -1 on error. */
int64_t bg_deflate(const uint8_t *src, uint64_t length, uint8_t *dst, uint64_t cap, int32_t level);

/* Decompresses src into dst, which must hold exactly the original length.
 * Returns the decompressed length, or -1 if the data is corrupt or does not fit. */
int64_t bg_inflate(const uint8_t *src, uint64_t length, uint8_t *dst, uint64_t cap);

#ifdef __cplusplus
}
#endif

#endif
