/*
 * CDeflate — CRC-32 and Adler-32 from the system libdeflate, for the index
 * files' checksums and the corpus files' fingerprints. Plain C types only.
 * (The paragraph store is compressed with zstd: see CZstd.)
 *
 * libdeflate rather than zlib: the same CRC-32 (the zlib/PNG polynomial, so
 * indexes written with either agree) computed with carry-less multiplication
 * where the CPU has it, 2.3x zlib's speed here — and opening an index checks
 * the CRC of every byte of it.
 */
#ifndef BAOGAO_CDEFLATE_H
#define BAOGAO_CDEFLATE_H

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
