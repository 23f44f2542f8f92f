/* sp-import-util.h: what the three importers share.
 *
 * An importer first gathers each block (paragraph, heading, list item, …)
 * into an SpImportBuffer: plain UTF-8 text plus inline spans in byte
 * offsets. It then hands the finished block to an SpImportWriter, which
 * appends it to the SpDocumentContent in code points and applies the rules
 * every importer must follow: paragraph numbers, joining a paragraph split by
 * a page break, footnotes moved out of the running text into Notes, pages
 * and turns. Keeping the rules in one place keeps the formats consistent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-document-content.h"

G_BEGIN_DECLS

/* Footnote numbers above this are not footnotes (a hostile <sup>999999999999</sup>
 * must not make the Notes section huge or overflow an int). */
#define SP_IMPORT_MAX_FOOTNOTE 99999

/* How often the line loops look at the GCancellable. */
#define SP_IMPORT_CANCEL_INTERVAL 4096

/* Only lines shorter than this are tested against the speaker patterns, so
 * the test costs O(1) per line whatever the input. */
#define SP_IMPORT_MAX_SPEAKER_LINE 120

typedef struct
{
  SpSegmentKind  kind;    /* EMPHASIS, LINK or FOOTNOTE_REF */
  gsize          start;   /* bytes into SpImportBuffer.text */
  gsize          end;
  int            level;
  int            number;
  char          *href;
} SpImportSpan;

typedef enum
{
  SP_IMPORT_BLOCK_PARAGRAPH,
  SP_IMPORT_BLOCK_HEADING,
  SP_IMPORT_BLOCK_LIST_ITEM,
  SP_IMPORT_BLOCK_TABLE,
  SP_IMPORT_BLOCK_TOC,
  SP_IMPORT_BLOCK_RULE,
} SpImportBlockKind;

typedef enum
{
  SP_IMPORT_BLOCK_FLAG_NONE    = 0,
  SP_IMPORT_BLOCK_FLAG_NO_JOIN = 1 << 0, /* code: never joined to a neighbour */
} SpImportBlockFlags;

typedef struct
{
  SpImportBlockKind kind;
  guint             flags;      /* SpImportBlockFlags */
  int               level;      /* heading level; list depth */
  int               number;     /* footnote number */
  int               group;      /* list items of one list share it */
  gsize             start;      /* bytes into SpImportBuffer.text */
  gsize             len;
  guint             span_first; /* into SpImportBuffer.spans */
  guint             n_spans;
} SpImportBlock;

typedef struct
{
  GString *text;
  GArray  *spans;   /* of SpImportSpan, each block's spans contiguous */
  GArray  *blocks;  /* of SpImportBlock */
} SpImportBuffer;

void           sp_import_buffer_init        (SpImportBuffer *self);
void           sp_import_buffer_clear       (SpImportBuffer *self);
/* Forgets all blocks but keeps the allocations, for one-block-at-a-time use. */
void           sp_import_buffer_reset       (SpImportBuffer *self);
SpImportBlock *sp_import_buffer_begin_block (SpImportBuffer    *self,
                                             SpImportBlockKind  kind);
SpImportBlock *sp_import_buffer_last_block  (SpImportBuffer    *self);
/* Closes the last block: its text runs to the end of the buffer. */
void           sp_import_buffer_end_block   (SpImportBuffer    *self);
void           sp_import_buffer_drop_last_block (SpImportBuffer *self);
/* Adds a span to the last block (offsets absolute in the buffer); returns its index. */
guint          sp_import_buffer_add_span    (SpImportBuffer    *self,
                                             SpSegmentKind      kind,
                                             gsize              start,
                                             gsize              end,
                                             int                level,
                                             int                number,
                                             const char        *href);
SpImportSpan  *sp_import_buffer_get_span    (SpImportBuffer    *self,
                                             guint              index);
/* Removes leading and trailing white space of a closed block. */
void           sp_import_block_trim         (SpImportBuffer    *self,
                                             SpImportBlock     *block);
/* Removes blank lines and trailing spaces inside the last block. */
void           sp_import_block_tidy_lines   (SpImportBuffer    *self,
                                             SpImportBlock     *block);
/* Moves the start of a closed block forward by @n_bytes. */
void           sp_import_block_skip         (SpImportBuffer    *self,
                                             SpImportBlock     *block,
                                             gsize              n_bytes);
/* First span of @kind in @block at byte offset @start, or NULL. */
SpImportSpan  *sp_import_block_span_at      (SpImportBuffer    *self,
                                             SpImportBlock     *block,
                                             SpSegmentKind      kind,
                                             gsize              start);

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

/* Text helpers. */
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
gboolean       sp_import_looks_like_reference (const char      *text,
                                               gsize            len);
gboolean       sp_import_is_blank           (const char        *text,
                                             gsize              len);
/* Collapses runs of white space to one space and trims; tidies " |X" to " | X". */
char          *sp_import_tidy_title         (const char        *text,
                                             gssize             len);

/* A "Name Surname 01:23" line (or "Name (01:23)", "[01:23] Name"), or a
 * "NAME: text" line. Offsets are bytes into the line. */
typedef struct
{
  gsize   name_start;
  gsize   name_len;
  gsize   label_len;     /* the part shown as the SPEAKER label */
  gsize   text_start;    /* colon lines: where the spoken text starts */
  gint64  timestamp_ms;  /* -1 if none */
} SpSpeakerMatch;

gboolean       sp_import_match_speaker_line (const char        *line,
                                             gsize              len,
                                             SpSpeakerMatch    *match);
gboolean       sp_import_match_colon_line   (const char        *line,
                                             gsize              len,
                                             SpSpeakerMatch    *match);

/* The writer. */
typedef struct _SpImportWriter SpImportWriter;

SpImportWriter    *sp_import_writer_new        (SpDocumentKind  kind);
void               sp_import_writer_free       (SpImportWriter *self);
SpDocumentContent *sp_import_writer_get_content (SpImportWriter *self);
/* Closes the open turn and page, appends Notes, links footnotes and their
 * references both ways and returns the content (the writer keeps nothing). */
SpDocumentContent *sp_import_writer_finish     (SpImportWriter *self);

void     sp_import_writer_heading     (SpImportWriter *self,
                                       SpImportBuffer *buffer,
                                       SpImportBlock  *block,
                                       int             level);
/* A body paragraph; joined to the previous one when a page break split it. */
void     sp_import_writer_paragraph   (SpImportWriter *self,
                                       SpImportBuffer *buffer,
                                       SpImportBlock  *block);
void     sp_import_writer_list_item   (SpImportWriter *self,
                                       SpImportBuffer *buffer,
                                       SpImportBlock  *block);
void     sp_import_writer_table       (SpImportWriter *self,
                                       SpImportBuffer *buffer,
                                       SpImportBlock  *block);
/* Low level, for blocks with their own structure (the table of contents):
 * starts a block and returns its offset; then append text and segments. */
guint    sp_import_writer_begin_block (SpImportWriter *self);
guint    sp_import_writer_append      (SpImportWriter *self,
                                       const char     *text,
                                       gssize          len);
void     sp_import_writer_end_block   (SpImportWriter *self,
                                       guint           start);
/* Opens a turn with @block as its speaker label; closes the previous turn. */
void     sp_import_writer_speaker     (SpImportWriter *self,
                                       SpImportBuffer *buffer,
                                       SpImportBlock  *block,
                                       const char     *speaker,
                                       gint64          timestamp_ms);
void     sp_import_writer_end_turn    (SpImportWriter *self);
/* Stores the text of footnote @number (inline markup dropped, links kept). */
void     sp_import_writer_footnote    (SpImportWriter *self,
                                       int             number,
                                       SpImportBuffer *buffer,
                                       SpImportBlock  *block);
/* Appends @block to the last footnote; FALSE if there is none. */
gboolean sp_import_writer_footnote_continue (SpImportWriter *self,
                                             SpImportBuffer *buffer,
                                             SpImportBlock  *block);
gboolean sp_import_writer_has_footnotes (SpImportWriter *self);
/* Whether the next paragraph would be joined to the previous one. */
gboolean sp_import_writer_would_join  (SpImportWriter *self,
                                       SpImportBuffer *buffer,
                                       SpImportBlock  *block);
/* Something that is not a paragraph came between: no join across it. */
void     sp_import_writer_break_join  (SpImportWriter *self);
/* Starts page @page (0: no pages); closes the PAGE segment of the last one. */
void     sp_import_writer_set_page    (SpImportWriter *self,
                                       int             page);
int      sp_import_writer_get_page    (SpImportWriter *self);

G_END_DECLS
