/* sp-project.c: creating, opening and closing a project file.
 *
 * Opening never writes to a file before it is known to be a Standpoint
 * project this version can read: the SQLite header (application_id,
 * user_version) is checked by reading its first 100 bytes ourselves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sp-project-private.h"
#include "sp-schema-private.h"
#include "sp-undo-manager.h"

/* A full quick_check reads the whole file; above this size opening would feel
 * slow, so larger projects rely on SQLite reporting damage when it meets it. */
#define QUICK_CHECK_MAX_BYTES (256 * 1024 * 1024)
#define BUSY_TIMEOUT_MS       5000
#define SQLITE_HEADER_SIZE    100

struct _SpProject
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;
  /* Holds an flock() on the file for as long as a writable primary project
   * is open. Never closed before the database: closing any descriptor of a
   * file drops every POSIX lock SQLite holds on it in this process. */
  int           lock_fd;
  char         *lock_key;
  char         *read_only_reason;
  gboolean      read_only;
  gboolean      secondary;
  guint         schema_version;
  GCancellable *cancellable;
  SpUndoManager *undo_manager;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpProject, sp_project, G_TYPE_OBJECT)

/* Files this process holds for writing, keyed by "device:inode", so a second
 * open in the same process is refused before it touches the file. */
static GMutex      open_files_lock;
static GHashTable *open_files;

static gboolean
claim_in_process (const char *key)
{
  gboolean claimed = FALSE;

  g_mutex_lock (&open_files_lock);
  if (open_files == NULL)
    open_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_contains (open_files, key))
    {
      g_hash_table_add (open_files, g_strdup (key));
      claimed = TRUE;
    }
  g_mutex_unlock (&open_files_lock);

  return claimed;
}

static void
release_in_process (const char *key)
{
  g_mutex_lock (&open_files_lock);
  if (open_files != NULL)
    g_hash_table_remove (open_files, key);
  g_mutex_unlock (&open_files_lock);
}

static void
sp_project_finalize (GObject *object)
{
  SpProject *self = SP_PROJECT (object);

  sp_project_close (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->undo_manager);

  G_OBJECT_CLASS (sp_project_parent_class)->finalize (object);
}

static void
sp_project_class_init (SpProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_project_finalize;

  /**
   * SpProject::changed:
   * @what: the #SpProjectChange flags of what changed
   *
   * Emitted after a change to the project has been committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
sp_project_init (SpProject *self)
{
  self->lock_fd = -1;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static char *
display_name (const char *path)
{
  return g_filename_display_basename (path);
}

/* Checks the raw header; on success @fd is open on the file (the caller
 * keeps it for locking) and @out_version holds the schema version. */
/* TRUE when a write-ahead log beside @path may hold changes the main file's
 * header does not show yet (after a crash, or while another process has the
 * project open). */
static gboolean
has_pending_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

static gboolean
check_header (const char   *path,
              int          *fd_out,
              struct stat  *st,
              guint        *out_version,
              gboolean     *out_deferred,
              GError      **error)
{
  g_autofree char *name = display_name (path);
  guint8 header[SQLITE_HEADER_SIZE];
  ssize_t n_read;
  guint32 application_id;
  guint32 user_version;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                     _("There is no project file “%s”"), name);
      else
        g_set_error (error, SP_ERROR, SP_ERROR_IO,
                     _("Could not open “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  if (fstat (fd, st) != 0 || !S_ISREG (st->st_mode))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_SQLITE,
                   _("“%s” is not a Standpoint project: it is not a regular file"), name);
      close (fd);
      return FALSE;
    }

  n_read = pread (fd, header, sizeof header, 0);
  if (n_read < (ssize_t) sizeof header ||
      memcmp (header, "SQLite format 3", 16) != 0)
    {
      if (st->st_size == 0)
        g_set_error (error, SP_ERROR, SP_ERROR_NOT_SQLITE,
                     _("“%s” is not a Standpoint project: the file is empty"), name);
      else
        g_set_error (error, SP_ERROR, SP_ERROR_NOT_SQLITE,
                     _("“%s” is not a Standpoint project: it is not a SQLite database"), name);
      close (fd);
      return FALSE;
    }

  application_id = read_be32 (header + 68);
  user_version = read_be32 (header + 60);

  *out_deferred = FALSE;
  if (application_id != SP_APPLICATION_ID)
    {
      /* The header of a WAL database is only rewritten at a checkpoint, so
       * a project whose first commit is still in its log shows no id yet:
       * ask SQLite itself (read-only) before refusing. */
      if (has_pending_wal (path))
        *out_deferred = TRUE;
      else
        {
          g_set_error (error, SP_ERROR, SP_ERROR_NOT_PROJECT,
                       _("“%s” is a SQLite database, but not a Standpoint project"), name);
          close (fd);
          return FALSE;
        }
    }

  if (user_version > sp_schema_get_version ())
    {
      g_set_error (error, SP_ERROR, SP_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Standpoint (project format %u; "
                     "this version reads up to %u). Update Standpoint to open it."),
                   name, user_version, sp_schema_get_version ());
      close (fd);
      return FALSE;
    }

  *fd_out = fd;
  *out_version = user_version;
  return TRUE;
}

/* Why this process could not write to @path, or NULL if it can. Root passes
 * access(W_OK) for any file, so a file with no write bit at all is taken as
 * read-only too, as the user meant it to be. */
static char *
find_read_only_reason (const char        *path,
                       const struct stat *st)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = display_name (path);

  if (access (path, W_OK) != 0 || (st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return g_strdup_printf (_("You do not have permission to change “%s”, so it was opened read-only."), name);

  /* SQLite keeps its write-ahead log beside the project. */
  if (access (dir, W_OK) != 0)
    return g_strdup_printf (_("The folder of “%s” cannot be written to, so the project was opened read-only."), name);

  return NULL;
}

static char *
lock_key_for (const struct stat *st)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                          (guint64) st->st_dev, (guint64) st->st_ino);
}

static gboolean
claim_file (SpProject         *self,
            int                fd,
            const struct stat *st,
            GError           **error)
{
  g_autofree char *name = display_name (self->path);
  g_autofree char *key = lock_key_for (st);

  if (!claim_in_process (key))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_LOCKED,
                   _("“%s” is already open in this Standpoint session"), name);
      return FALSE;
    }

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      release_in_process (key);
      g_set_error (error, SP_ERROR, SP_ERROR_LOCKED,
                   _("“%s” is open in another Standpoint window or program that may change it. "
                     "Close it there first, or open it read-only."), name);
      return FALSE;
    }

  self->lock_fd = fd;
  self->lock_key = g_steal_pointer (&key);
  return TRUE;
}

static sqlite3 *
open_connection (const char  *path,
                 gboolean     read_only,
                 GError     **error)
{
  g_autofree char *name = display_name (path);
  sqlite3 *db = NULL;
  int flags = SQLITE_OPEN_FULLMUTEX | (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);
  int rc;

  rc = sqlite3_open_v2 (path, &db, flags, NULL);

  if (rc == SQLITE_CANTOPEN && read_only)
    {
      /* A read-only WAL database in a folder we cannot write needs the
       * immutable flag, since SQLite cannot create its shared-memory file. */
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
      g_autofree char *immutable = g_strconcat (uri, "?immutable=1", NULL);

      sqlite3_close (db);
      db = NULL;
      rc = sqlite3_open_v2 (immutable, &db, flags | SQLITE_OPEN_URI, NULL);
    }

  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not open “%s”"), name);

      sp_db_set_error (error, db, rc, what);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  return db;
}

static void
set_damaged_error (GError     **error,
                   const char  *name,
                   const char  *detail)
{
  g_autofree char *tidy = g_strdup (detail);

  /* quick_check prefixes its findings with "*** in database main ***". */
  if (g_str_has_prefix (tidy, "*** in database main ***"))
    memmove (tidy, tidy + strlen ("*** in database main ***"),
             strlen (tidy) - strlen ("*** in database main ***") + 1);
  g_strstrip (g_strdelimit (tidy, "\n", ' '));

  g_set_error (error, SP_ERROR, SP_ERROR_DAMAGED,
               _("“%s” is damaged and cannot be opened (%s). Restore it from a backup."),
               name, tidy);
}

static gboolean
pragma_int64 (sqlite3     *db,
              const char  *sql,
              gint64      *out,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = sp_db_prepare (db, sql, error);

  return stmt != NULL && sp_db_query_int64 (db, stmt, out, sql, error);
}

/* Reads application_id and user_version through SQLite, which sees what
 * the write-ahead log holds. Read-only, so a foreign database is never
 * checkpointed or otherwise written to. */
static gboolean
read_ids_through_sqlite (const char  *path,
                         guint32     *application_id,
                         guint       *user_version,
                         GError     **error)
{
  g_autofree char *name = display_name (path);
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db;
  gint64 id = 0, version = 0;

  if ((db = open_connection (path, TRUE, error)) == NULL)
    return FALSE;

  if (!pragma_int64 (db, "PRAGMA application_id", &id, &local_error) ||
      !pragma_int64 (db, "PRAGMA user_version", &version, &local_error))
    {
      sqlite3_close (db);
      set_damaged_error (error, name, local_error->message);
      return FALSE;
    }

  sqlite3_close (db);
  *application_id = (guint32) id;
  *user_version = (guint) version;
  return TRUE;
}

/* Runs an integrity check and translates any corruption into a clear error. */
static gboolean
check_integrity (SpProject  *self,
                 gint64      size,
                 GError    **error)
{
  g_autofree char *name = display_name (self->path);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  int rc;

  stmt = sp_db_prepare (self->db,
                        size <= QUICK_CHECK_MAX_BYTES ?
                          "PRAGMA quick_check(1)" :
                          "SELECT 'ok' FROM sqlite_master LIMIT 1",
                        &local_error);
  if (stmt == NULL)
    goto damaged;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (result, "ok") != 0)
        {
          set_damaged_error (error, name, result);
          return FALSE;
        }
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    return TRUE;

  sp_db_set_error (&local_error, self->db, rc, "quick_check");

damaged:
  if (g_error_matches (local_error, SP_ERROR, SP_ERROR_LOCKED))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_LOCKED,
                   _("“%s” is being changed by another program. Try again when it is done."), name);
      return FALSE;
    }

  set_damaged_error (error, name, local_error->message);
  return FALSE;
}

/* Refuses a file another program is writing to right now, without waiting. */
static gboolean
check_no_other_writer (SpProject  *self,
                       GError    **error)
{
  g_autofree char *name = display_name (self->path);
  int rc;

  sqlite3_busy_timeout (self->db, 0);
  rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (rc == SQLITE_OK)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return TRUE;
    }

  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_LOCKED,
                   _("“%s” is being changed by another program. Close it there first, "
                     "or open it read-only."), name);
      return FALSE;
    }

  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    set_damaged_error (error, name, sqlite3_errmsg (self->db));
  else
    sp_db_set_error (error, self->db, rc, name);
  return FALSE;
}

static gboolean
configure_connection (SpProject  *self,
                      GError    **error)
{
  /* The comparison views scan every annotation; with SQLite's default
   * 2 MB page cache each scan of a large project reads it all from the
   * OS again (~40 vs ~26 ms for 100,000 annotations, see
   * tests/bench/bench-compare.c). The cache only grows as pages are read,
   * so a small project keeps a small one. */
  if (!sp_db_exec (self->db, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536", error))
    return FALSE;

  if (self->read_only)
    return sp_db_exec (self->db, "PRAGMA query_only = ON", error);

  /* WAL lets an import thread write while the window keeps reading;
   * synchronous=FULL makes each committed action survive a power cut. */
  return sp_db_exec (self->db,
                     "PRAGMA journal_mode = WAL;"
                     "PRAGMA synchronous = FULL;",
                     error);
}

static gboolean
run_migrations (SpProject  *self,
                guint       from_version,
                GError    **error)
{
  for (guint version = from_version + 1; version <= sp_schema_get_version (); version++)
    {
      g_autofree char *set_version = NULL;

      if (!sp_db_begin (self->db, error))
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u;",
                                     SP_APPLICATION_ID, version);

      if (!sp_db_exec (self->db, sp_schema_get_migration (version), error) ||
          !sp_db_exec (self->db, set_version, error) ||
          !sp_db_commit (self->db, error))
        {
          sp_db_rollback (self->db);
          g_prefix_error (error, _("Could not upgrade the project to format %u: "), version);
          return FALSE;
        }

      self->schema_version = version;
    }

  /* Write the new header (application_id, user_version) into the main file
   * now, so other programs and a later open see a project straight away. */
  if (from_version < sp_schema_get_version ())
    sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);

  return TRUE;
}

static int
progress_cb (void *user_data)
{
  SpProject *self = user_data;

  return self->cancellable != NULL && g_cancellable_is_cancelled (self->cancellable);
}

void
_sp_project_watch_cancellable (SpProject    *self,
                               GCancellable *cancellable)
{
  g_set_object (&self->cancellable, cancellable);
  sqlite3_progress_handler (self->db, cancellable != NULL ? 10000 : 0,
                            cancellable != NULL ? progress_cb : NULL, self);
}

/**
 * sp_project_create:
 * @path: where the new project file goes; it must not exist yet
 *
 * Returns: (transfer full): the new, empty project, open for writing
 */
SpProject *
sp_project_create (const char  *path,
                   GError     **error)
{
  g_autoptr(SpProject) self = NULL;
  g_autofree char *name = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  name = display_name (path);
  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        g_set_error (error, SP_ERROR, SP_ERROR_EXISTS,
                     _("“%s” already exists; choose another name or open it instead"), name);
      else
        g_set_error (error, SP_ERROR, SP_ERROR_IO,
                     _("Could not create “%s”: %s"), name, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (SP_TYPE_PROJECT, NULL);
  self->path = g_canonicalize_filename (path, NULL);

  if (fstat (fd, &st) != 0 || !claim_file (self, fd, &st, error))
    {
      close (fd);
      g_unlink (path);
      return NULL;
    }

  if ((self->db = open_connection (self->path, FALSE, error)) == NULL ||
      !configure_connection (self, error) ||
      !run_migrations (self, 0, error))
    {
      sp_project_close (self);
      g_unlink (path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * sp_project_open:
 * @path: an existing project file
 * @flags: #SpProjectOpenFlags
 *
 * Opens a project. A file that cannot be written is opened read-only and
 * sp_project_get_read_only_reason() says why; everything else that stops a
 * project from being used (not a project, too new, damaged, locked) is an
 * error, and the file is left as it was.
 *
 * Returns: (transfer full): the project, or %NULL with @error set
 */
SpProject *
sp_project_open (const char          *path,
                 SpProjectOpenFlags   flags,
                 GError             **error)
{
  g_autoptr(SpProject) self = NULL;
  g_autofree char *name = NULL;
  struct stat st;
  guint version = 0;
  gboolean deferred = FALSE;
  int fd = -1;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, &fd, &st, &version, &deferred, error))
    return NULL;

  name = display_name (path);
  if (deferred)
    {
      guint32 application_id = 0;

      if (!read_ids_through_sqlite (path, &application_id, &version, error))
        {
          close (fd);
          return NULL;
        }
      if (application_id != SP_APPLICATION_ID || version > sp_schema_get_version ())
        {
          if (application_id != SP_APPLICATION_ID)
            g_set_error (error, SP_ERROR, SP_ERROR_NOT_PROJECT,
                         _("“%s” is a SQLite database, but not a Standpoint project"), name);
          else
            g_set_error (error, SP_ERROR, SP_ERROR_TOO_NEW,
                         _("“%s” was saved by a newer version of Standpoint (project format %u; "
                           "this version reads up to %u). Update Standpoint to open it."),
                         name, version, sp_schema_get_version ());
          close (fd);
          return NULL;
        }
    }
  self = g_object_new (SP_TYPE_PROJECT, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  self->schema_version = version;

  if (flags & SP_PROJECT_OPEN_READ_ONLY)
    {
      self->read_only = TRUE;
      self->read_only_reason = g_strdup_printf (_("“%s” was opened read-only."), name);
    }
  else if ((self->read_only_reason = find_read_only_reason (path, &st)) != NULL)
    {
      self->read_only = TRUE;
    }

  if (self->read_only)
    close (fd);
  else if (!claim_file (self, fd, &st, error))
    {
      close (fd);
      return NULL;
    }

  if ((self->db = open_connection (self->path, self->read_only, error)) == NULL)
    return NULL;

  if ((!self->read_only && !check_no_other_writer (self, error)) ||
      !check_integrity (self, st.st_size, error))
    return NULL;

  /* The raw header can lag behind the log; SQLite's answer is the truth. */
  {
    gint64 current = 0;

    if (!pragma_int64 (self->db, "PRAGMA user_version", &current, error))
      return NULL;
    version = (guint) current;
    self->schema_version = version;
  }

  if (version < sp_schema_get_version () && self->read_only)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_READ_ONLY,
                   _("“%s” was made by an older version of Standpoint and must be upgraded, "
                     "but it cannot be written to"), name);
      return NULL;
    }

  if (!configure_connection (self, error) ||
      !run_migrations (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

SpProject *
sp_project_open_secondary (SpProject  *primary,
                           GError    **error)
{
  g_autoptr(SpProject) self = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (primary), NULL);
  g_return_val_if_fail (primary->db != NULL, NULL);

  self = g_object_new (SP_TYPE_PROJECT, NULL);
  self->path = g_strdup (primary->path);
  self->read_only = primary->read_only;
  self->read_only_reason = g_strdup (primary->read_only_reason);
  self->schema_version = primary->schema_version;
  self->secondary = TRUE;

  if ((self->db = open_connection (self->path, self->read_only, error)) == NULL ||
      !configure_connection (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * sp_project_close:
 *
 * Closes the connection and releases the file. Safe to call twice; the
 * object then answers every query with an error.
 */
void
sp_project_close (SpProject *self)
{
  g_return_if_fail (SP_IS_PROJECT (self));

  if (self->db != NULL)
    {
      sqlite3_progress_handler (self->db, 0, NULL, NULL);
      /* Checkpoint so the -wal file does not linger beside the project. */
      if (!self->read_only && !self->secondary)
        sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }

  if (self->lock_fd >= 0)
    {
      close (self->lock_fd);
      self->lock_fd = -1;
    }

  if (self->lock_key != NULL)
    {
      release_in_process (self->lock_key);
      g_clear_pointer (&self->lock_key, g_free);
    }
}

gboolean
sp_project_is_open (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  return self->db != NULL;
}

const char *
sp_project_get_path (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return self->path;
}

/**
 * sp_project_dup_title:
 *
 * Returns: (transfer full): the file name without its extension, for
 *   window titles
 */
char *
sp_project_dup_title (SpProject *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  name = display_name (self->path);
  if (g_str_has_suffix (name, SP_PROJECT_FILE_EXTENSION) &&
      strlen (name) > strlen (SP_PROJECT_FILE_EXTENSION))
    name[strlen (name) - strlen (SP_PROJECT_FILE_EXTENSION)] = '\0';

  return g_steal_pointer (&name);
}

gboolean
sp_project_is_read_only (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), TRUE);
  return self->read_only;
}

const char *
sp_project_get_read_only_reason (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return self->read_only_reason;
}

guint
sp_project_get_schema_version (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), 0);
  return self->schema_version;
}

void
sp_project_emit_changed (SpProject       *self,
                         SpProjectChange  what)
{
  g_return_if_fail (SP_IS_PROJECT (self));
  g_signal_emit (self, signals[CHANGED], 0, (guint) what);
}

gboolean
sp_project_begin_batch (SpProject  *self,
                        GError    **error)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  return _sp_project_check_writable (self, error) && sp_db_begin (self->db, error);
}

gboolean
sp_project_commit_batch (SpProject  *self,
                         GError    **error)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  if (!sp_db_commit (self->db, error))
    {
      sp_project_rollback_batch (self);
      return FALSE;
    }
  return TRUE;
}

void
sp_project_rollback_batch (SpProject *self)
{
  g_return_if_fail (SP_IS_PROJECT (self));

  if (self->db != NULL)
    sp_db_rollback (self->db);

  /* The undo stack may hold commands whose work was just rolled back, and
   * listeners saw changes that are gone again. */
  if (self->undo_manager != NULL)
    sp_undo_manager_clear (self->undo_manager);
  sp_project_emit_changed (self, SP_PROJECT_CHANGE_DOCUMENTS | SP_PROJECT_CHANGE_STAKEHOLDERS |
                                 SP_PROJECT_CHANGE_THEMES | SP_PROJECT_CHANGE_ANNOTATIONS |
                                 SP_PROJECT_CHANGE_LINKS);
}

SpUndoManager *
sp_project_get_undo_manager (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (self->undo_manager == NULL)
    self->undo_manager = _sp_undo_manager_new (self);
  return self->undo_manager;
}

sqlite3 *
_sp_project_get_db (SpProject *self)
{
  return self->db;
}

sqlite3 *
_sp_project_get_db_checked (SpProject  *self,
                            GError    **error)
{
  if (self->db == NULL)
    g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT, _("The project is closed"));
  return self->db;
}

gboolean
_sp_project_check_writable (SpProject  *self,
                            GError    **error)
{
  if (_sp_project_get_db_checked (self, error) == NULL)
    return FALSE;

  if (self->read_only)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_READ_ONLY, "%s",
                   self->read_only_reason != NULL ? self->read_only_reason
                                                  : _("The project is read-only"));
      return FALSE;
    }

  return TRUE;
}

char *
_sp_project_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}
