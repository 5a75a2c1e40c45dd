#include "CZlib.h"

#include <zlib.h>

uint32_t bg_crc32(uint32_t crc, const uint8_t *data, uint64_t length) {
    uLong c = crc;
    /* zlib takes uInt lengths: feed large buffers in pieces. */
    while (length > 0) {
        uInt n = length > 0x40000000u ? 0x40000000u : (uInt)length;
        c = crc32(c, data, n);
        data += n;
        length -= n;
    }
    return (uint32_t)c;
}

uint32_t bg_adler32(uint32_t adler, const uint8_t *data, uint64_t length) {
    uLong a = adler;
    while (length > 0) {
        uInt n = length > 0x40000000u ? 0x40000000u : (uInt)length;
        a = adler32(a, data, n);
        data += n;
        length -= n;
    }
    return (uint32_t)a;
}

uint64_t bg_deflate_bound(uint64_t length) {
    return (uint64_t)compressBound((uLong)length);
}

int64_t bg_deflate(const uint8_t *src, uint64_t length, uint8_t *dst, uint64_t cap, int32_t level) {
    uLongf out = (uLongf)cap;
    int rc = compress2(dst, &out, src, (uLong)length, level);
    return rc == Z_OK ? (int64_t)out : -1;
}

int64_t bg_inflate(const uint8_t *src, uint64_t length, uint8_t *dst, uint64_t cap) {
    uLongf out = (uLongf)cap;
    int rc = uncompress(dst, &out, src, (uLong)length);
    return rc == Z_OK ? (int64_t)out : -1;
}
