/* sp-database.h: small helpers over sqlite3 that turn its result codes into
 * SP_ERROR GErrors with a message a person can act on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

void      sp_db_set_error   (GError      **error,
                             sqlite3      *db,
                             int           rc,
                             const char   *what);
gboolean  sp_db_exec        (sqlite3      *db,
                             const char   *sql,
                             GError      **error);
sqlite3_stmt *sp_db_prepare (sqlite3      *db,
                             const char   *sql,
                             GError      **error);
gboolean  sp_db_begin       (sqlite3      *db,
                             GError      **error);
gboolean  sp_db_commit      (sqlite3      *db,
                             GError      **error);
void      sp_db_rollback    (sqlite3      *db);
/* Steps a statement that returns no rows, and resets it for the next
 * use; on failure sets @error with @what as its context. */
gboolean  sp_db_step_done   (sqlite3      *db,
                             sqlite3_stmt *stmt,
                             const char   *what,
                             GError      **error);
/* Prepares and runs @sql with @id as ?1. Returns the number of rows
 * changed, or -1 with @error set. */
int       sp_db_exec_int64  (sqlite3      *db,
                             const char   *sql,
                             gint64        id,
                             const char   *what,
                             GError      **error);
/* Steps @stmt once and stores its first column (a count, an id) in @out. */
gboolean  sp_db_query_int64 (sqlite3      *db,
                             sqlite3_stmt *stmt,
                             gint64       *out,
                             const char   *what,
                             GError      **error);

typedef gpointer (*SpDbRowFunc) (sqlite3_stmt *stmt);

/* Steps @stmt to the end, one record per row made by @from_row. Returns
 * NULL with @error set if a step fails. */
GPtrArray *sp_db_collect    (sqlite3       *db,
                             sqlite3_stmt  *stmt,
                             SpDbRowFunc    from_row,
                             GDestroyNotify free_func,
                             const char    *what,
                             GError       **error);
/* Appends column 0 of every row of @stmt, as gint64, to @into and resets
 * @stmt. Returns @into, or NULL with @error set. */
GArray   *sp_db_collect_ids (sqlite3      *db,
                             sqlite3_stmt *stmt,
                             GArray       *into,
                             const char   *what,
                             GError      **error);
/* Text of column i as a newly allocated string, or NULL for SQL NULL. */
char     *sp_db_column_dup  (sqlite3_stmt *stmt,
                             int           i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
