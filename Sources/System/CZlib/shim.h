#ifndef LIVEHUB_CZLIB_SHIM_H
#define LIVEHUB_CZLIB_SHIM_H
#include <zlib.h>

/* deflateInit2 / inflateInit2 are macros (they pass the library version and struct size). */
static inline int livehub_deflateInit2(z_streamp stream, int level, int method, int windowBits, int memLevel, int strategy) {
    return deflateInit2(stream, level, method, windowBits, memLevel, strategy);
}
static inline int livehub_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
#endif
