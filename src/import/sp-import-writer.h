/* sp-import-writer.h: turns finished blocks into an SpDocumentContent.
 *
 * The writer appends each block in code points and applies the rules every
 * importer must follow: paragraph numbers, joining a paragraph split by a
 * page break, footnotes moved out of the running text into Notes, pages
 * and turns. Keeping the rules in one place keeps the formats consistent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-document-content.h"
#include "sp-import-buffer.h"

G_BEGIN_DECLS

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
