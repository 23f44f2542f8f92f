/* test-import-util.h: helpers shared by the importer tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-importer.h"

G_BEGIN_DECLS

/* Reads a corpus document from $SP_TEST_CORPUS. */
char              *sp_test_read_corpus        (const char         *name,
                                               gsize              *len);
/* Reads tests/data/@name. */
char              *sp_test_read_data          (const char         *name,
                                               gsize              *len);
/* Imports and checks the result with sp_test_assert_document(). */
SpDocumentContent *sp_test_import             (const char         *data,
                                               gssize              len,
                                               const char         *filename,
                                               SpImportFormat      format);
SpDocumentContent *sp_test_import_corpus      (const char         *name);

/* Validates, and checks what every importer promises: footnotes and their
 * references linked both ways, paragraph numbers 1..n in order, blocks
 * separated by exactly one blank line, no leading or trailing blank. */
void               sp_test_assert_document    (SpDocumentContent  *content);

char              *sp_test_segment_text       (SpDocumentContent  *content,
                                               const SpSegment    *segment);
/* Segments of @kind, in document order. */
GPtrArray         *sp_test_segments           (SpDocumentContent  *content,
                                               SpSegmentKind       kind);
/* The first segment of @kind whose text starts with @prefix, or NULL. */
const SpSegment   *sp_test_find               (SpDocumentContent  *content,
                                               SpSegmentKind       kind,
                                               const char         *prefix);
/* The first segment of @kind whose text contains @needle, or NULL. */
const SpSegment   *sp_test_find_containing    (SpDocumentContent  *content,
                                               SpSegmentKind       kind,
                                               const char         *needle);
/* The innermost segment of @kind enclosing [start, end), or NULL. */
const SpSegment   *sp_test_enclosing          (SpDocumentContent  *content,
                                               SpSegmentKind       kind,
                                               guint               start,
                                               guint               end);
/* Code point offset of the first @needle in the text, or -1. */
int                sp_test_offset_of          (SpDocumentContent  *content,
                                               const char         *needle);
int                sp_test_index_of           (SpDocumentContent  *content,
                                               const SpSegment    *segment);
/* Whether the test runs under valgrind, where timings mean nothing. */
gboolean           sp_test_under_valgrind     (void);

G_END_DECLS
