#ifndef WINNOW_CPCRE2_SHIM_H
#define WINNOW_CPCRE2_SHIM_H

/* winnow works on UTF-8 bytes only, so the 8-bit library is the one we bind. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* PCRE2_UNSET is a cast expression that Swift cannot import; this shim exposes it. */
static inline PCRE2_SIZE cpcre2_unset(void) { return PCRE2_UNSET; }

#endif
