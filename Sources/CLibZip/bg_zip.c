#include "bg_zip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

static int damaged(zip_error_t *error, char *reason, size_t reason_size) {
    snprintf(reason, reason_size, "%s", zip_error_strerror(error));
    return BG_ZIP_DAMAGED;
}

int bg_zip_read(const void *data, size_t size, const char *name, size_t cap, unsigned char **out, size_t *length,
                char *reason, size_t reason_size) {
    *out = NULL;
    *length = 0;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source = zip_source_buffer_create(data, size, 0, &error);
    if (!source) return damaged(&error, reason, reason_size);
    // ZIP_CHECKCONS: a central directory that does not match the entries is damage.
    zip_t *archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!archive) {
        zip_source_free(source);
        int result = damaged(&error, reason, reason_size);
        zip_error_fini(&error);
        return result;
    }
    int result = BG_ZIP_OK;
    zip_file_t *file = zip_fopen(archive, name, 0);
    if (!file) {
        zip_error_t *e = zip_get_error(archive);
        result = zip_error_code_zip(e) == ZIP_ER_NOENT ? BG_ZIP_MISSING : damaged(e, reason, reason_size);
        zip_discard(archive);
        return result;
    }
    size_t capacity = 1 << 16;
    unsigned char *buffer = malloc(capacity);
    size_t used = 0;
    for (;;) {
        if (!buffer) {
            snprintf(reason, reason_size, "out of memory");
            result = BG_ZIP_DAMAGED;
            break;
        }
        if (used == capacity) {
            if (capacity > cap) {
                result = BG_ZIP_TOO_LARGE;
                break;
            }
            capacity *= 2;
            unsigned char *grown = realloc(buffer, capacity);
            if (!grown) {
                free(buffer);
                buffer = NULL;
                continue;
            }
            buffer = grown;
        }
        zip_int64_t n = zip_fread(file, buffer + used, capacity - used);
        if (n < 0) {
            result = damaged(zip_file_get_error(file), reason, reason_size);
            break;
        }
        if (n == 0) break;
        used += (size_t)n;
        if (used > cap) {
            result = BG_ZIP_TOO_LARGE;
            break;
        }
    }
    zip_fclose(file);
    zip_discard(archive);
    if (result != BG_ZIP_OK) {
        free(buffer);
        return result;
    }
    *out = buffer;
    *length = used;
    return BG_ZIP_OK;
}

void bg_zip_release(unsigned char *buffer) { free(buffer); }
