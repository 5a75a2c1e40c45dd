#include "CDeflate.h"

#include <libdeflate.h>

/* libdeflate returns the initial value for a NULL buffer, whatever it is
 * continuing from: an empty buffer must leave the checksum as it was. */

uint32_t bg_crc32(uint32_t crc, const uint8_t *data, uint64_t length) {
    return length == 0 ? crc : libdeflate_crc32(crc, data, (size_t)length);
}

uint32_t bg_adler32(uint32_t adler, const uint8_t *data, uint64_t length) {
    return length == 0 ? adler : libdeflate_adler32(adler, data, (size_t)length);
}
