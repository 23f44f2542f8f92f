/* sp-import-buffer.h: the block buffer an importer gathers text into.
 *
 * An importer first gathers each block (paragraph, heading, list item, …)
 * into an SpImportBuffer: plain UTF-8 text plus inline spans in byte
 * offsets. It then hands the finished block to an SpImportWriter
 * (sp-import-writer.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-document-content.h"

G_BEGIN_DECLS

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

G_END_DECLS
