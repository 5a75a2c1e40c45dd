/*
 * CICU — the few ICU services Baogao needs, behind plain C types.
 *
 * Why a wrapper: importing ICU's own headers into Swift clashes with the ICU
 * headers Foundation ships (UErrorCode is defined twice), and ICU's symbol
 * renaming macros (ubrk_open -> ubrk_open_72) are invisible to Swift. This
 * header therefore uses only <stdint.h> types; <unicode/...> is included in
 * icu_bridge.c alone.
 *
 * Text crosses this boundary as UTF-16 code units (ICU's native form).
 * Every function reports failure through its return value (negative = error)
 * and never aborts. Handles are not thread-safe: use one per thread.
 */
#ifndef BAOGAO_CICU_H
#define BAOGAO_CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ICU's version as "major.minor" (for example "72.1") into buf; returns the
 * length written, or -1 if cap is too small. */
int32_t bg_icu_version(char *buf, int32_t cap);

/* ---- Word boundaries ---------------------------------------------------- */

/* Rule-status ranges of a boundary, as ICU's UWordBreak defines them. */
enum {
    BG_WORD_NONE = 0,        /* 0..99: spaces, punctuation, symbols */
    BG_WORD_NUMBER = 100,    /* 100..199 */
    BG_WORD_LETTER = 200,    /* 200..299: Latin and other letters */
    BG_WORD_KANA = 300,      /* 300..399 */
    BG_WORD_IDEO = 400       /* 400..499: dictionary-segmented CJK words */
};

typedef struct bg_word_breaker bg_word_breaker;

/* Opens a word break iterator for locale (for example "zh"); NULL on error. */
bg_word_breaker *bg_word_breaker_open(const char *locale);
void bg_word_breaker_close(bg_word_breaker *breaker);

/* Points the iterator at text (UTF-16, length code units). The text is not
 * copied: it must outlive the iteration. Returns 0, or -1 on error. */
int32_t bg_word_breaker_set_text(bg_word_breaker *breaker,
                                 const uint16_t *text, int32_t length);

/* Advances to the next boundary. Returns its UTF-16 offset and stores the
 * rule status of the segment that ends there in *status; returns -1 when
 * there are no more boundaries. The first segment starts at offset 0. */
int32_t bg_word_breaker_next(bg_word_breaker *breaker, int32_t *status);

/* ---- Normalisation ------------------------------------------------------ */

/* NFKC with case folding (ICU's "nfkc_cf"): full-width forms to half-width,
 * compatibility characters to their plain forms, letters to lower case.
 * Writes up to cap code units into dst; returns the full output length
 * (which may exceed cap: call again with a larger buffer), or -1 on error. */
int32_t bg_nfkc_casefold(const uint16_t *src, int32_t length,
                         uint16_t *dst, int32_t cap);

/* 1 if a normalisation boundary lies before code point c under nfkc_cf
 * (text can be normalised in independent pieces split there), else 0. */
int32_t bg_nfkc_casefold_boundary_before(int32_t c);

/* ---- Transliteration ---------------------------------------------------- */

typedef struct bg_transliterator bg_transliterator;

/* Opens an ICU transliterator by id (Baogao uses "Traditional-Simplified");
 * NULL on error. */
bg_transliterator *bg_transliterator_open(const char *identifier);
void bg_transliterator_close(bg_transliterator *transliterator);

/* Transliterates buf[0..length) in place; cap is the buffer's capacity.
 * Returns the new length, or -1 on error (including overflow of cap). */
int32_t bg_transliterate(bg_transliterator *transliterator,
                         uint16_t *buf, int32_t length, int32_t cap);

/* The transliterator's rules as source text (utrans_toRules, with
 * non-ASCII characters escaped as \uXXXX / \UXXXXXXXX). Callers use them to
 * see which rules span several characters, so that text can be transliterated
 * character by character wherever no such rule can match. Writes up to cap
 * code units into dst; returns the full length (which may exceed cap: call
 * again with a larger buffer), or -1 on error. */
int32_t bg_transliterator_rules(bg_transliterator *transliterator,
                                uint16_t *dst, int32_t cap);

/* ---- Decoding legacy encodings ------------------------------------------ */

/* Decodes bytes in the given charset (for example "GB18030") to UTF-16.
 * Stops at the first illegal or unmappable sequence: then returns -2 and
 * stores the byte offset of the bad sequence in *error_offset. Otherwise
 * returns the full output length (which may exceed cap: call again with a
 * larger buffer); -1 on other errors (unknown charset). */
int32_t bg_decode(const char *charset, const uint8_t *src, int32_t length,
                  uint16_t *dst, int32_t cap, int32_t *error_offset);

#ifdef __cplusplus
}
#endif

#endif
