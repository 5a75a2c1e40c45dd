/*
 * CZlib — CRC-32 and Adler-32 from the system zlib, for the index files'
 * checksums and the corpus files' fingerprints. Plain C types only. (The
 * paragraph store is compressed with zstd: see CZstd.)
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

#ifdef __cplusplus
}
#endif

#endif
