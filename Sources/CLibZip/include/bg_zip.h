#ifndef BG_ZIP_H
#define BG_ZIP_H

#include <stddef.h>

// One member of a ZIP archive held in memory, through the system libzip (BSD licence):
// what a Word .docx file is read with.
enum {
    BG_ZIP_OK = 0,
    BG_ZIP_DAMAGED = 1,   // not a ZIP archive, or a damaged or truncated one
    BG_ZIP_MISSING = 2,   // the archive has no such member
    BG_ZIP_TOO_LARGE = 3, // the member inflates past the cap (a zip bomb, or a huge file)
};

// Inflates member `name` of the archive `data` into a new buffer (*out, *length),
// stopping at `cap` bytes whatever the archive claims the size is. Release *out with
// bg_zip_release. On BG_ZIP_DAMAGED, `reason` holds libzip's words.
int bg_zip_read(const void *data, size_t size, const char *name, size_t cap, unsigned char **out, size_t *length,
                char *reason, size_t reason_size);
void bg_zip_release(unsigned char *buffer);

#endif
