/* The only file that includes ICU's headers; see include/CICU.h for why. */
#include "CICU.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

int32_t bg_icu_version(char *buf, int32_t cap) {
    UVersionInfo info;
    u_getVersion(info);
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(info, text);
    int32_t n = (int32_t)strlen(text);
    if (n + 1 > cap) return -1;
    memcpy(buf, text, (size_t)n + 1);
    return n;
}

/* ---- Word boundaries ---------------------------------------------------- */

struct bg_word_breaker {
    UBreakIterator *iterator;
};

bg_word_breaker *bg_word_breaker_open(const char *locale) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, locale, NULL, 0, &status);
    if (U_FAILURE(status) || iterator == NULL) return NULL;
    bg_word_breaker *breaker = malloc(sizeof *breaker);
    if (breaker == NULL) {
        ubrk_close(iterator);
        return NULL;
    }
    breaker->iterator = iterator;
    return breaker;
}

void bg_word_breaker_close(bg_word_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    free(breaker);
}

int32_t bg_word_breaker_set_text(bg_word_breaker *breaker,
                                 const uint16_t *text, int32_t length) {
    if (breaker == NULL || length < 0) return -1;
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, (const UChar *)text, length, &status);
    return U_FAILURE(status) ? -1 : 0;
}

int32_t bg_word_breaker_next(bg_word_breaker *breaker, int32_t *status) {
    if (breaker == NULL) return -1;
    int32_t boundary = ubrk_next(breaker->iterator);
    if (boundary == UBRK_DONE) return -1;
    if (status != NULL) *status = ubrk_getRuleStatus(breaker->iterator);
    return boundary;
}

/* ---- Normalisation ------------------------------------------------------ */

static const UNormalizer2 *nfkc_casefold(void) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&status);
    return U_FAILURE(status) ? NULL : normalizer;
}

int32_t bg_nfkc_casefold(const uint16_t *src, int32_t length,
                         uint16_t *dst, int32_t cap) {
    const UNormalizer2 *normalizer = nfkc_casefold();
    if (normalizer == NULL || length < 0 || cap < 0) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = unorm2_normalize(normalizer, (const UChar *)src, length,
                                 (UChar *)dst, cap, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return n;
    return U_FAILURE(status) ? -1 : n;
}

int32_t bg_nfkc_casefold_boundary_before(int32_t c) {
    const UNormalizer2 *normalizer = nfkc_casefold();
    if (normalizer == NULL) return 1;
    return unorm2_hasBoundaryBefore(normalizer, (UChar32)c) ? 1 : 0;
}

/* ---- Transliteration ---------------------------------------------------- */

struct bg_transliterator {
    UTransliterator *transliterator;
};

bg_transliterator *bg_transliterator_open(const char *identifier) {
    if (identifier == NULL) return NULL;
    UChar id[128];
    int32_t n = (int32_t)strlen(identifier);
    if (n >= (int32_t)(sizeof id / sizeof id[0])) return NULL;
    for (int32_t i = 0; i < n; i++) id[i] = (UChar)(unsigned char)identifier[i];
    UErrorCode status = U_ZERO_ERROR;
    UTransliterator *t = utrans_openU(id, n, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (U_FAILURE(status) || t == NULL) return NULL;
    bg_transliterator *result = malloc(sizeof *result);
    if (result == NULL) {
        utrans_close(t);
        return NULL;
    }
    result->transliterator = t;
    return result;
}

void bg_transliterator_close(bg_transliterator *transliterator) {
    if (transliterator == NULL) return;
    utrans_close(transliterator->transliterator);
    free(transliterator);
}

int32_t bg_transliterate(bg_transliterator *transliterator,
                         uint16_t *buf, int32_t length, int32_t cap) {
    if (transliterator == NULL || length < 0 || cap < length) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t textLength = length;
    int32_t limit = length;
    utrans_transUChars(transliterator->transliterator, (UChar *)buf, &textLength,
                       cap, 0, &limit, &status);
    return U_FAILURE(status) ? -1 : textLength;
}

int32_t bg_transliterator_rules(bg_transliterator *transliterator,
                                uint16_t *dst, int32_t cap) {
    if (transliterator == NULL || cap < 0 || (dst == NULL && cap > 0)) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = utrans_toRules(transliterator->transliterator, 1 /* escape */,
                               (UChar *)dst, cap, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING)
        return n;
    return U_FAILURE(status) ? -1 : n;
}

/* ---- Decoding legacy encodings ------------------------------------------ */

int32_t bg_decode(const char *charset, const uint8_t *src, int32_t length,
                  uint16_t *dst, int32_t cap, int32_t *error_offset) {
    if (length < 0 || cap < 0) return -1;
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status) || converter == NULL) return -1;
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    if (U_FAILURE(status)) {
        ucnv_close(converter);
        return -1;
    }
    const char *source = (const char *)src;
    const char *sourceLimit = source + length;
    UChar *target = (UChar *)dst;
    UChar *targetLimit = target + cap;
    ucnv_toUnicode(converter, &target, targetLimit, &source, sourceLimit,
                   NULL, 1 /* flush */, &status);
    int32_t written = (int32_t)(target - (UChar *)dst);
    int32_t result;
    if (status == U_ILLEGAL_CHAR_FOUND || status == U_INVALID_CHAR_FOUND ||
        status == U_TRUNCATED_CHAR_FOUND) {
        char invalid[32];
        int8_t invalidLength = (int8_t)sizeof invalid;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(converter, invalid, &invalidLength, &ignored);
        if (U_FAILURE(ignored)) invalidLength = 0;
        if (error_offset != NULL)
            *error_offset = (int32_t)(source - (const char *)src) - invalidLength;
        result = -2;
    } else if (status == U_BUFFER_OVERFLOW_ERROR) {
        /* Every GB18030 byte yields at most one UTF-16 unit, so callers that
         * pass cap >= length never get here; report the need conservatively. */
        result = written + (int32_t)(sourceLimit - source) * 2;
    } else if (U_FAILURE(status)) {
        result = -1;
    } else {
        result = written;
    }
    ucnv_close(converter);
    return result;
}
