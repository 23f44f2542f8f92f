/* sp-text-index.h: fast code point → byte offset lookups in a large UTF-8
 * text, for turning segment and annotation ranges into substrings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SpTextIndex SpTextIndex;

/* @text must stay alive and unchanged while the index is used. */
SpTextIndex *sp_text_index_new        (const char  *text,
                                       gsize        len);
void         sp_text_index_free       (SpTextIndex *self);
gsize        sp_text_index_get_n_chars (SpTextIndex *self);
/* Byte offset of code point @offset (clamped to the end of the text). */
gsize        sp_text_index_byte_offset (SpTextIndex *self,
                                        gsize        offset);
/* Newly allocated copy of the code points [start, end). */
char        *sp_text_index_substring   (SpTextIndex *self,
                                        gsize        start,
                                        gsize        end);

/* Number of code points in valid UTF-8 @text of @len bytes. */
gsize        sp_utf8_count_chars       (const char  *text,
                                        gsize        len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpTextIndex, sp_text_index_free)

G_END_DECLS
