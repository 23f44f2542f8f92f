/* sp-import-inline.h: inline markup of a block: HTML tags, *emphasis*,
 * superscript footnote references and URLs, turned into spans.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-import-buffer.h"

G_BEGIN_DECLS

/* Footnote numbers above this are not footnotes (a hostile <sup>999999999999</sup>
 * must not make the Notes section huge or overflow an int). */
#define SP_IMPORT_MAX_FOOTNOTE 99999

/* Inline syntax sp_import_buffer_append_inline() understands. */
typedef enum
{
  SP_IMPORT_INLINE_NONE     = 0,
  SP_IMPORT_INLINE_HTML     = 1 << 0, /* <u> <b> <i> <em> <strong> <sup> <br>, <http…> */
  SP_IMPORT_INLINE_EMPHASIS = 1 << 1, /* *x* and **x** */
} SpImportInlineFlags;

/* Appends one line of source text to the last block, turning the markup
 * @flags names into spans. Linear in @len. */
void           sp_import_buffer_append_inline (SpImportBuffer      *self,
                                               const char          *text,
                                               gsize                len,
                                               SpImportInlineFlags  flags);
/* If the text from @from to the end of the buffer is a footnote number list
 * such as "12" or "3,4", rewrites the digits as superscripts with a
 * FOOTNOTE_REF span each and returns TRUE; otherwise leaves it alone. */
gboolean       sp_import_buffer_convert_sup (SpImportBuffer    *self,
                                             gsize              from);
/* Adds FOOTNOTE_REF spans for superscript digits attached to a word. */
void           sp_import_block_find_refs    (SpImportBuffer    *self,
                                             SpImportBlock     *block);
/* Adds LINK spans for bare http(s) URLs outside existing links. */
void           sp_import_block_link_urls    (SpImportBuffer    *self,
                                             SpImportBlock     *block);

/* The inline HTML tags PDF converters emit. */
typedef enum
{
  SP_IMPORT_TAG_OTHER,      /* known, dropped with its markup: span, font, … */
  SP_IMPORT_TAG_ITALIC,
  SP_IMPORT_TAG_BOLD,
  SP_IMPORT_TAG_UNDERLINE,
  SP_IMPORT_TAG_SUP,
  SP_IMPORT_TAG_BREAK,
  SP_IMPORT_TAG_LINK,
} SpImportTag;

/* Parses "<name …>" or "</name>" at @p with bounded lookahead (so callers
 * stay linear). Returns its length, or 0 if it is not a tag we know. */
gsize          sp_import_parse_tag          (const char        *p,
                                             const char        *end,
                                             SpImportTag       *tag,
                                             gboolean          *closing);

/* Superscript digits and URLs. */
int            sp_import_superscript_digit  (gunichar           c);
/* Parses superscript digits at @p; returns the bytes used (0 if none) and
 * the value in @number (-1 when over SP_IMPORT_MAX_FOOTNOTE). */
gsize          sp_import_parse_superscript  (const char        *p,
                                             const char        *end,
                                             int               *number);
void           sp_import_append_superscript (GString           *string,
                                             guint64            number);
/* Length in bytes of the http(s) URL starting at @p, 0 if there is none. */
gsize          sp_import_url_length         (const char        *p,
                                             const char        *end);

G_END_DECLS
