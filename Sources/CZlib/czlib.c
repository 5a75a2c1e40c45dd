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
