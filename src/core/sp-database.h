/* sp-database.h: small helpers over sqlite3 that turn its result codes into
 * SP_ERROR GErrors with a message a person can act on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Makes a record of the row @stmt stands on. */
typedef gpointer (*SpDbRowFunc) (sqlite3_stmt *stmt);

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
/* Inside an open sp_db_begin(), these nest as savepoints: the inner
 * commit keeps its work for the outer transaction to commit or roll back,
 * and the inner rollback undoes only the inner work. */
void      sp_db_rollback    (sqlite3      *db);
/* TRUE between the outermost sp_db_begin() and its commit or rollback. */
gboolean  sp_db_in_transaction (sqlite3   *db);
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
/* Prepares @sql and binds @id as ?1: the start of most lookups by id. */
sqlite3_stmt *sp_db_prepare_with_id (sqlite3     *db,
                                     const char  *sql,
                                     gint64       id,
                                     GError     **error);
/* Binds @id as parameter @i, or SQL NULL if @id is 0 or less: for an
 * optional reference, or for a row id that SQLite picks the first time
 * and redo then reuses. */
void      sp_db_bind_id_or_null (sqlite3_stmt *stmt,
                                 int           i,
                                 gint64        id);
/* Steps @stmt once, expecting a row. Returns TRUE with the row ready to
 * read; else FALSE with @error set: SP_ERROR_NOT_FOUND with the message
 * @not_found if there is no row, or a database error with @what as its
 * context. */
gboolean  sp_db_step_row    (sqlite3      *db,
                             sqlite3_stmt *stmt,
                             const char   *what,
                             const char   *not_found,
                             GError      **error);
/* Steps @stmt once, for a row that may or may not be there. Sets *@found,
 * with the row ready to read if there is one; returns FALSE with @error
 * set (@what as its context) only if the step fails. */
gboolean  sp_db_step_maybe  (sqlite3      *db,
                             sqlite3_stmt *stmt,
                             gboolean     *found,
                             const char   *what,
                             GError      **error);
/* Steps @stmt once, like sp_db_step_row(), and returns the record
 * @from_row makes of the row, or NULL with @error set. */
gpointer  sp_db_get_row     (sqlite3      *db,
                             sqlite3_stmt *stmt,
                             SpDbRowFunc   from_row,
                             const char   *what,
                             const char   *not_found,
                             GError      **error);
/* Steps @stmt once and stores its first column (a count, an id) in @out. */
gboolean  sp_db_query_int64 (sqlite3      *db,
                             sqlite3_stmt *stmt,
                             gint64       *out,
                             const char   *what,
                             GError      **error);

/* Called for each row @stmt steps to. */
typedef void (*SpDbEachFunc) (sqlite3_stmt *stmt,
                              gpointer      user_data);

/* Steps @stmt to the end, handing each row to @each. Returns FALSE with
 * @error set (@what as its context) if a step fails. */
gboolean  sp_db_for_each_row (sqlite3      *db,
                              sqlite3_stmt *stmt,
                              SpDbEachFunc  each,
                              gpointer      user_data,
                              const char   *what,
                              GError      **error);
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
/* Rows copied out of the database value by value (types, NULLs and all),
 * for an undo command to write back exactly as they were. Each row is a
 * GPtrArray of sqlite3_value. */
GPtrArray *sp_db_rows_new   (void);
/* Steps @stmt to the end, appends a copy of each row to @rows and resets
 * @stmt. Returns FALSE with @error set if a step fails. */
gboolean  sp_db_copy_rows   (sqlite3      *db,
                             sqlite3_stmt *stmt,
                             GPtrArray    *rows,
                             const char   *what,
                             GError      **error);
/* Runs @stmt once for each of @rows, with the row's values bound as ?1,
 * ?2, … in the order they were read. */
gboolean  sp_db_write_rows  (sqlite3      *db,
                             sqlite3_stmt *stmt,
                             GPtrArray    *rows,
                             const char   *what,
                             GError      **error);
/* Column @i of a row that sp_db_copy_rows() copied, as an integer. */
gint64    sp_db_row_int64   (GPtrArray    *row,
                             guint         i);
/* Text of column i as a newly allocated string, or NULL for SQL NULL. */
char     *sp_db_column_dup  (sqlite3_stmt *stmt,
                             int           i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
