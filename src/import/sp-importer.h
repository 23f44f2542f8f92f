/* sp-importer.h: turning the bytes of a file into one normalised document.
 *
 * Importers are pure functions of their input: no project, no files, no
 * global state, so they are easy to test and to fuzz. The format is found by
 * sniffing the content; the file name is only a hint.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-document-content.h"

G_BEGIN_DECLS

#define SP_IMPORT_ERROR (sp_import_error_quark ())

typedef enum
{
  SP_IMPORT_ERROR_EMPTY,        /* nothing (or only white space) to import */
  SP_IMPORT_ERROR_BINARY,       /* NUL bytes or other signs of a non-text file */
  SP_IMPORT_ERROR_TOO_LARGE,    /* over SP_IMPORT_MAX_BYTES */
  SP_IMPORT_ERROR_ENCODING,     /* text in an encoding we cannot read */
  SP_IMPORT_ERROR_UNSUPPORTED,  /* a format Standpoint does not import (yet) */
  SP_IMPORT_ERROR_MALFORMED,    /* the format was recognised but the content is broken */
} SpImportError;

typedef enum
{
  SP_IMPORT_FORMAT_AUTO,
  SP_IMPORT_FORMAT_TEXT,        /* plain text, paragraphs from blank lines */
  SP_IMPORT_FORMAT_REPORT,      /* Markdown, typically converted from a PDF report */
  SP_IMPORT_FORMAT_TRANSCRIPT,  /* "Name Surname 01:23:45" speaker lines open turns */
} SpImportFormat;

/* Larger files are refused before they are read: a document this size is
 * already far beyond what anyone reads in a text view. */
#define SP_IMPORT_MAX_BYTES ((gsize) 128 * 1024 * 1024)

GQuark             sp_import_error_quark       (void);
const char        *sp_import_format_to_string  (SpImportFormat  format);
gboolean           sp_import_format_from_string (const char    *str,
                                                 SpImportFormat *format);

/* Picks a format from the content (and, as a tie-breaker, the file name).
 * @data need not be valid UTF-8; @filename may be NULL. */
SpImportFormat     sp_import_detect_format     (const char     *data,
                                                gsize           len,
                                                const char     *filename);

/* Imports one document from raw bytes: checks for binary data, converts the
 * encoding (UTF-8 with or without BOM; Windows-1252/Latin-1 with a warning),
 * normalises line ends, then runs the importer for @format (AUTO sniffs).
 * @filename (may be NULL) is used for the title fallback and messages only.
 * Returns a validated document, or NULL with @error set; never a partial one. */
SpDocumentContent *sp_import_bytes             (const char     *data,
                                                gsize           len,
                                                const char     *filename,
                                                SpImportFormat  format,
                                                GCancellable   *cancellable,
                                                GError        **error);

G_END_DECLS
